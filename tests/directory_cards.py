"""The cards the service directory should show for the Kuopio programme, written out by hand.

Each set below was read off data/services.yaml by a person (the municipalities each service lists,
and the delivery modes of its Liite 1 rows), not computed by a rule: a test that worked the
expected cards out with the same rule as guide.site.directory.matches would agree with a wrong
rule. They follow the readings in the docstring of guide/site/directory.py:

- a service without a Liite 1 row is for both client groups;
- a delivery mode counts only where a Liite 1 row of the service names it (for the chosen group,
  when a group is chosen); a row without modes matches no delivery filter.

When a change to data/services.yaml changes on purpose who finds a service, update these sets in
the same pull request: the failing test names the page and the difference.
"""

from __future__ import annotations

# The eight services of Liite 1 (a row per client group): offered in all four municipalities.
LIITE_1 = frozenset(
    {
        "ohjaus-ja-neuvonta",
        "palvelutarpeen-arviointi",
        "monialainen-palvelutarpeen-arviointi",
        "kotoutumissuunnitelma",
        "monialainen-kotoutumissuunnitelma",
        "tyonhakijoiden-kotoutumispalvelut",  # a row for job seekers only
        "yhteiskuntaorientaatio",  # rows without delivery modes
        "kotoutumiskoulutus",  # delivery named for job seekers only
    }
)
# Services without a Liite 1 row, in Kuopio, Tuusniemi and Lapinlahti.
THREE_MUNICIPALITIES = frozenset({"asettautumispalvelut", "vapaa-ajan-neuvonta"})
# Services without a Liite 1 row, in Kuopio only.
KUOPIO_ONLY = frozenset(
    {
        "perusopetukseen-valmistava-opetus",
        "suomi-toisena-kielena",
        "oman-aidinkielen-opetus",
        "nuorten-ryhma",
        "abc-lukutaito-ja-aikuisten-perusopetus",
        "tuva-s2",
        "suomen-kielen-kurssit",
        "muut-kotoutumista-edistavat-palvelut",
    }
)
ALL = LIITE_1 | THREE_MUNICIPALITIES | KUOPIO_ONLY

MUNICIPALITY = {
    "kuopio": ALL,
    "tuusniemi": LIITE_1 | THREE_MUNICIPALITIES,
    "lapinlahti": LIITE_1 | THREE_MUNICIPALITIES,
    "other_employment_area": LIITE_1,
}
DELIVERY = {
    "in_person": frozenset(
        {
            "ohjaus-ja-neuvonta",  # for others only
            "palvelutarpeen-arviointi",
            "monialainen-palvelutarpeen-arviointi",
            "kotoutumissuunnitelma",
            "monialainen-kotoutumissuunnitelma",
            "tyonhakijoiden-kotoutumispalvelut",
            "kotoutumiskoulutus",  # for job seekers only
        }
    ),
    "remote": frozenset(
        {
            "ohjaus-ja-neuvonta",  # for others only
            "kotoutumissuunnitelma",
            "monialainen-kotoutumissuunnitelma",
            "tyonhakijoiden-kotoutumispalvelut",  # for job seekers only
        }
    ),
    "hybrid": frozenset({"tyonhakijoiden-kotoutumispalvelut"}),
}
GROUP = {
    "jobseekers": ALL,  # every Liite 1 service has a job seekers' row; the others are for everyone
    "others": ALL - {"tyonhakijoiden-kotoutumispalvelut"},
}
# Group and delivery together: the modes of that group's row only.
OTHERS_REMOTE = DELIVERY["remote"] - {"tyonhakijoiden-kotoutumispalvelut"}
