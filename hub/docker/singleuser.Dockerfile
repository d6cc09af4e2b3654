# The learners' (and instructors') single-user image for Zero to JupyterHub.
# Build from the repository root:  docker build -f hub/docker/singleuser.Dockerfile -t academy-singleuser .
# It installs the course as the README says for a hub image: `pip install .` (not editable), so
# the image holds the package and its datasets but no source notebook, solution or hidden test.
FROM python:3.11-slim-bookworm

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 MPLBACKEND=Agg
WORKDIR /tmp/course
# Only what the wheel is built from (pyproject.toml [tool.hatch.build]): never modules/ or tests/.
COPY pyproject.toml README.md ./
COPY academy/ academy/
COPY autograder/ autograder/
COPY datasets/data/ datasets/data/
COPY datasets/datasheets/ datasets/datasheets/
COPY datasets/datapackage.json datasets/
RUN pip install ".[hub]" && cd / && rm -rf /tmp/course \
    && python -c "import academy, nbgrader, jupyterhub; from academy import data; data.list_datasets()"

# Which nbgrader extensions each role gets (JUPYTER_CONFIG_PATH is set per person by the hub).
COPY hub/jupyter/ /srv/academy-hub/jupyter/
ENV JUPYTER_CONFIG_PATH=/srv/academy-hub/jupyter/learner:/srv/academy-hub/jupyter/common

RUN useradd --create-home --uid 1000 --shell /bin/bash jovyan
USER 1000
WORKDIR /home/jovyan
CMD ["jupyterhub-singleuser"]
