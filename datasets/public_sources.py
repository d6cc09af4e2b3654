"""Real published aggregates shipped with the course: descriptors shared by extract.py and build.py.

extract.py (run by a maintainer, with the source packages installed) writes sources/public/*.csv;
build.py copies those files into data/ unchanged, so learners need none of the source packages.
"""

from generators.schema import field, key

SCORECARD = {
    "name": "public_college_scorecard", "format": "csv", "datasheet": "public_aggregates",
    "title": "College Scorecard: earnings and work of former students by college and year (US, real)",
    "description": "Real published aggregates: for each US college and outcome year, median earnings and counts of "
                   "former students (federal aid recipients who started ten years before) working and not working.",
    "sources": [{"title": "US Department of Education, College Scorecard, via the Urban Institute Education Data Portal "
                          "(v0.4.0, accessed 28 June 2019), as packaged in causaldata 0.1.5",
                 "path": "https://collegescorecard.ed.gov/"}],
    "licenses": [{"name": "MIT", "title": "causaldata package (MIT); the figures are US federal government statistics",
                  "path": "https://pypi.org/project/causaldata/"}],
    "schema": {"fields": [
        field("unitid", "integer", "College identifier (IPEDS unit id)", required=True),
        field("state_abbr", "string", "State, two letters", required=True),
        field("pred_degree_awarded_ipeds", "string", "Predominant degree awarded", required=True,
              enum=["Less than two-year", "Two-year degree", "Four-year+ degree"]),
        field("year", "integer", "Year the outcomes were measured", required=True, minimum=2007, maximum=2016),
        field("earnings_med", "number", "Median earnings of former students with positive earnings", unit="USD per year", minimum=0),
        field("count_not_working", "integer", "Former students not working", unit="people", minimum=0),
        field("count_working", "integer", "Former students working", unit="people", minimum=0),
    ], "primaryKey": ["unitid", "year"]},
}
WPP_LOCATIONS = ["World", "United Kingdom", "Netherlands", "Estonia", "Finland", "Portugal", "Germany", "Spain",
                 "Singapore", "Australia", "United States of America"]  # the report's case countries
WPP = {
    "name": "public_un_population", "format": "csv", "datasheet": "public_aggregates",
    "title": "UN World Population Prospects 2024: population by age and sex, selected countries (real)",
    "description": "Real published estimates and medium-variant projections of population by five-year age group and "
                   "sex, 2000 to 2050, for the world and the countries in the course's case studies.",
    "sources": [{"title": "United Nations, Department of Economic and Social Affairs, Population Division (2024). "
                          "World Population Prospects 2024, Online Edition. Copyright July 2024 United Nations. "
                          "As packaged in bokeh_sampledata 2026.1 (medium variant, thousands converted to persons).",
                 "path": "https://population.un.org/wpp/"}],
    "licenses": [{"name": "CC-BY-3.0-IGO", "title": "Creative Commons Attribution 3.0 IGO; changes do not imply UN endorsement",
                  "path": "https://creativecommons.org/licenses/by/3.0/igo/"}],
    "schema": {"fields": [
        field("loc_id", "integer", "UN location code", required=True),
        field("location", "string", "Country or area", required=True, enum=WPP_LOCATIONS),
        field("year", "integer", "Year (1 July); 2025 onwards are projections", required=True, minimum=2000, maximum=2050),
        field("sex", "string", "Sex", required=True, enum=["Female", "Male"]),
        field("age_group", "string", "Five-year age group (100+ for 100 and over)", required=True),
        field("age_start", "integer", "First age in the group", unit="years", required=True, minimum=0, maximum=100),
        field("population", "integer", "Population", unit="people", required=True, minimum=0),
    ], "primaryKey": ["loc_id", "year", "sex", "age_start"]},
}
STATECRIME = {
    "name": "public_us_state_crime", "format": "csv", "datasheet": "public_aggregates",
    "title": "US states: crime, poverty and urbanisation, 2009 (real)",
    "description": "Real published rates for the 50 US states and DC in 2009: violent crime and murder per 100,000, "
                   "high-school graduation, poverty, single-parent households, white population and urbanisation.",
    "sources": [{"title": "US Census Bureau, Statistical Abstract of the United States and American Community Survey 2009, "
                          "as packaged in statsmodels (statsmodels.datasets.statecrime)",
                 "path": "https://www.statsmodels.org/stable/datasets/generated/statecrime.html"}],
    "licenses": [{"name": "PDDL-1.0", "title": "Public domain (US government statistics; statsmodels: 'Public domain.')",
                  "path": "https://opendatacommons.org/licenses/pddl/1-0/"}],
    "schema": {"fields": [
        field("state", "string", "State (50 states and DC)", **key()),
        field("violent", "number", "Violent crimes per 100,000 people", unit="per 100,000", required=True, minimum=0),
        field("murder", "number", "Murders per 100,000 people", unit="per 100,000", required=True, minimum=0),
        field("hs_grad", "number", "Share with high school or higher", unit="percent", required=True, minimum=0, maximum=100),
        field("poverty", "number", "Share below the poverty line", unit="percent", required=True, minimum=0, maximum=100),
        field("single", "number", "Single-parent family households among family households", unit="percent",
              required=True, minimum=0, maximum=100),
        field("white", "number", "Share of the population white only", unit="percent", required=True, minimum=0, maximum=100),
        field("urban", "number", "Share living in urbanised areas", unit="percent", required=True, minimum=0, maximum=100),
    ], "primaryKey": ["state"]},
}
RESOURCES = [SCORECARD, WPP, STATECRIME]
