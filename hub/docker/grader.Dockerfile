# The grader image: the formgrader service and the sandboxed `academy autograde` workers.
# Build from the repository root:  docker build -f hub/docker/grader.Dockerfile -t academy-grader .
# Same course install as the single-user image, plus bubblewrap (the grading sandbox) and the
# course checkout (sources with solutions and hidden tests: keep this image private).
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bubblewrap util-linux postgresql-client \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 MPLBACKEND=Agg
WORKDIR /tmp/course
COPY pyproject.toml README.md ./
COPY academy/ academy/
COPY autograder/ autograder/
COPY datasets/data/ datasets/data/
COPY datasets/datasheets/ datasets/datasheets/
COPY datasets/datapackage.json datasets/
RUN pip install ".[hub]" && cd / && rm -rf /tmp/course

# The course checkout, copied onto the shared course volume on first start (see hub/k8s/grader.yaml).
COPY modules/ /opt/academy/repo/modules/
COPY course/nbgrader_config.py course/sandbox.yaml /opt/academy/repo/course/
COPY hub/jupyter/ /srv/academy-hub/jupyter/
ENV ACADEMY_REPO=/srv/academy/course JUPYTER_CONFIG_PATH=/srv/academy-hub/jupyter/formgrader:/srv/academy-hub/jupyter/common

RUN useradd --create-home --uid 1100 --shell /bin/bash grader
WORKDIR /srv/academy/course/course
# The formgrader runs as `grader`; grading jobs run as root (the sandbox drops each kernel to its own uid).
CMD ["jupyterhub-singleuser"]
