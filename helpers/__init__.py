"""Helper package of the image-classification course.

One module per concern; each names the lesson that introduces it:

- `helpers.modes`: how big a run is (full / quick / grading), seeding, quiet logs.
- `helpers.environment`: the environment and GPU report of 00_setup.
- `helpers.data`: finding, reading and splitting image data sets.
- `helpers.download`: downloading and verifying the full data sets.
- `helpers.scan`: what an image folder holds, and what is odd in it.
- `helpers.pipeline`: tf.data input pipelines and augmentation layers.
- `helpers.plotting`: image grids, channel views, histograms.
- `helpers.features`: images to feature vectors for classical models.
- `helpers.results`: the results registry of every modelling lesson.
- `helpers.models`: saving and loading trained models.
- `helpers.evaluate`: evaluating a saved model on a folder of images.
- `helpers.checks`: instant exercise checks (correct / not attempted / incorrect).
- `helpers.exercises`: the checks of each lesson's exercises.
- `helpers.grading`: the instructor's nbgrader steps.

Importing `helpers` is cheap: TensorFlow is imported only where it is used.
"""

__version__ = "0.1.0"
# Where the course lives on GitHub (Colab badges and the Colab bootstrap cell use it).
REPOSITORY = "image-classification-course/course"
