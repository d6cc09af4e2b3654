"""nbgrader settings for every server the hub starts: which course, and where its exchange is."""

import os

c = get_config()  # noqa: F821 - provided by nbgrader
c.CourseDirectory.course_id = os.environ.get("ACADEMY_COURSE_ID", "public-sector-data-academy")
c.Exchange.root = os.environ.get("ACADEMY_EXCHANGE", "/srv/nbgrader/exchange")
