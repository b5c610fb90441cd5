"""nbgrader configuration of the course: instructors edit solutions/, learners get lessons/."""

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import GetGrades

from helpers.grading import FeedbackWithoutHiddenTests

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "image-classification-course"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "lessons"
# The release copies only the notebook: data comes from the helpers package.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.keras", "*.joblib"]

# Grading mode (helpers.modes) keeps every cell short; a cell that runs longer is
# interrupted (a learner's infinite loop), scored 0, and the rest still runs.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# The feedback students receive: verdicts and messages, never a hidden test's text
# (nbgrader's default feedback shows the whole test cell and its tracebacks).
c.GenerateFeedback.preprocessors = [
    GetGrades, FeedbackWithoutHiddenTests, CSSHTMLHeaderPreprocessor
]
