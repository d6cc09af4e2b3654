"""nbgrader's exchange collect, copying symbolic links as links instead of following them.

nbgrader's do_copy uses shutil.copytree, which follows links: a link a learner leaves in the
exchange would be read as the instructor and its target's content copied into submitted/. Copied
as a link, it reads nothing, and ``academy autograde`` (autograder.links) refuses it by name.
Named pipes, sockets and devices are left out with an error in the log (copying would block).
nbgrader's groupshared permission fix-up is not repeated: this course does not set groupshared.
Enabled in course/nbgrader_config.py: ``c.ExchangeFactory.collect = "autograder.collect.SafeCollect"``.
"""

from __future__ import annotations

import os
import shutil
import stat

from nbgrader.exchange.default import ExchangeCollect
from nbgrader.utils import ignore_patterns


class SafeCollect(ExchangeCollect):
    def do_copy(self, src, dest, log=None):
        """As nbgrader's do_copy (size limit, ignore/include globs) but with links kept as links."""
        size = self.get_size(src)
        if size > 1000 * self.coursedir.max_dir_size:
            self.log.error("Directory size is too big")
            raise RuntimeError(f"Directory size is too big. Size is {size}, maximum size is {1000 * self.coursedir.max_dir_size}")
        globs = ignore_patterns(exclude=self.coursedir.ignore, include=self.coursedir.include,
                                max_file_size=self.coursedir.max_file_size, log=self.log)

        def ignore(directory, names):
            special = set()
            for name in names:
                mode = os.lstat(os.path.join(directory, name)).st_mode
                if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
                    self.log.error("Not collected: %s is not a regular file", os.path.join(directory, name))
                    special.add(name)
            links = {n for n in names if os.path.islink(os.path.join(directory, n))}
            return set(globs(directory, [n for n in names if n not in special | links])) | special

        shutil.copytree(src, dest, symlinks=True, ignore=ignore)
