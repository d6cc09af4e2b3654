"""Release: write student versions of modules to course/release/ with stock nbgrader."""

from __future__ import annotations

from autograder import course, gradebook
from autograder.leaks import leaks_in_release


def release(modules: list[str]) -> list[str]:
    for module in modules:
        result = course.nbgrader("generate_assignment", module, "--force", quiet=True)
        if "| ERROR]" in result.stderr:
            raise SystemExit(f"Releasing {module} failed:\n{result.stderr[-3000:]}")
        problems = leaks_in_release(module)
        if problems:
            raise SystemExit(f"The release of {module} leaks what it must not:\n" + "\n".join(problems))
        gradebook.protect()
        print(f"released {module} -> course/release/{module}/")
    return modules
