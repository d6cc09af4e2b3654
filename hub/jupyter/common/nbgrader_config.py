"""nbgrader settings for every server the hub starts: which course, where its exchange is, and
submissions that only their learner and the course staff can read."""

import grp
import os
import struct

from nbgrader.exchange.default.submit import ExchangeSubmit

c = get_config()  # noqa: F821 - provided by nbgrader
c.CourseDirectory.course_id = os.environ.get("ACADEMY_COURSE_ID", "public-sector-data-academy")
c.Exchange.root = os.environ.get("ACADEMY_EXCHANGE", "/srv/nbgrader/exchange")

# POSIX ACL (Linux xattr "system.posix_acl_access", version 2): owner, staff group, nobody else.
_USER_OBJ, _GROUP_OBJ, _GROUP, _MASK, _OTHER, _NO_ID = 0x01, 0x04, 0x08, 0x10, 0x20, 0xFFFFFFFF


def _staff_only(path: str, gid: int, owner: int, staff: int) -> None:
    os.chmod(path, owner << 6)
    entries = [(_USER_OBJ, owner, _NO_ID), (_GROUP_OBJ, 0, _NO_ID), (_GROUP, staff, gid), (_MASK, staff, _NO_ID), (_OTHER, 0, _NO_ID)]
    os.setxattr(path, "system.posix_acl_access", struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries))


class StaffOnlySubmit(ExchangeSubmit):
    """nbgrader's submit, then the copy in inbound/ is readable by its learner and the staff group
    (ACADEMY_STAFF_GROUP) only: stock nbgrader leaves it world-readable by its exact name. Uses a
    POSIX ACL because a learner cannot give a file to a group they are not in. On a file system
    without ACLs the stock permissions stay, with a warning (collect must still read it)."""

    def copy_files(self):
        super().copy_files()
        staff = os.environ.get("ACADEMY_STAFF_GROUP")
        if not staff:
            return
        gid = int(staff) if staff.isdigit() else grp.getgrnam(staff).gr_gid
        dest = os.path.join(self.inbound_path, self.assignment_filename)
        try:
            for folder, _, files in os.walk(dest):
                for name in files:
                    _staff_only(os.path.join(folder, name), gid, owner=6, staff=4)
                _staff_only(folder, gid, owner=7, staff=7)  # staff may clean up
        except OSError as error:
            self.log.warning("Submission left with nbgrader's permissions (no POSIX ACLs here?): %s", error)


c.ExchangeFactory.submit = StaffOnlySubmit
