#!/usr/bin/env python3
"""Builds a large synthetic benchmark corpus of conflict reports (issue 6).

Every sentence here was written for sitrep; nothing is taken from real articles.
Reports are assembled from templates in the genres sitrep reads (defence-ministry
statements, wire stories, governors' posts, scraped pages with navigation and
"Read also" lists, HTML pages), varied by place, date, side, weapon, figures,
boilerplate and length, so that the corpus exercises every stage.

    python3 tools/bench/make_corpus.py --docs 100000 --out target/bench/corpus.jsonl

Deterministic: the same --seed gives the same bytes. Standard library only.
"""

import argparse
import datetime as dt
import json
import random
import sys

# Front lines: (country of the place, admin region, villages/towns, attacker side, defender side, outlets)
THEATRES = [
    {
        "places": [("Sotk", "Gegharkunik"), ("Norabak", "Gegharkunik"), ("Verin Shorzha", "Gegharkunik"),
                   ("Kut", "Gegharkunik"), ("Khoznavar", "Syunik"), ("Tegh", "Syunik"), ("Ishkhanasar", "Syunik"),
                   ("Nerkin Hand", "Syunik"), ("Yeraskh", "Ararat"), ("Berdavan", "Tavush"), ("Chinari", "Tavush"),
                   ("Movses", "Tavush"), ("Aygepar", "Tavush"), ("Jermuk", "Vayots Dzor")],
        "country": "Armenia", "ministry": "the Ministry of Defence of Armenia",
        "attacker": "the Azerbaijani armed forces", "defender": "Armenian units",
        "outlets": ["Yerevan Courier", "South Caucasus Wire", "Ararat Daily"],
    },
    {
        "places": [("Kokhanebi", "Tovuz"), ("Alibeyli", "Tovuz"), ("Aghdam", "Tovuz"), ("Kalbajar", "Kalbajar"),
                   ("Lachin", "Lachin"), ("Yukhari Ayrim", "Kalbajar"), ("Zeylik", "Kalbajar"),
                   ("Heydarabad", "Sadarak"), ("Kemerli", "Gazakh"), ("Gushchu Ayrim", "Gazakh"),
                   ("Asrik Jirdakhan", "Tovuz"), ("Munjuglu", "Tovuz")],
        "country": "Azerbaijan", "ministry": "the Ministry of Defence of Azerbaijan",
        "attacker": "units of the Armenian armed forces", "defender": "Azerbaijani army positions",
        "outlets": ["Caspian Herald", "Baku Morning News", "Absheron Wire"],
    },
    {
        "places": [("Nikopol", "Dnipropetrovsk"), ("Marhanets", "Dnipropetrovsk"), ("Bilozerka", "Kherson"),
                   ("Antonivka", "Kherson"), ("Stanislav", "Kherson"), ("Huliaipole", "Zaporizhzhia"),
                   ("Orikhiv", "Zaporizhzhia"), ("Kupiansk", "Kharkiv"), ("Vovchansk", "Kharkiv"),
                   ("Pokrovsk", "Donetsk"), ("Kostiantynivka", "Donetsk"), ("Sumy", "Sumy")],
        "country": "Ukraine", "ministry": "the regional military administration",
        "attacker": "Russian forces", "defender": "residential areas",
        "outlets": ["Dnipro Ledger", "Kyiv Evening Post", "Steppe Bulletin"],
    },
    {
        "places": [("Uri", "Baramulla"), ("Keran", "Kupwara"), ("Poonch", "Poonch"), ("Rajouri", "Rajouri"),
                   ("Krishna Ghati", "Poonch"), ("Nowshera", "Rajouri"), ("Gurez", "Bandipora"),
                   ("Tangdhar", "Kupwara")],
        "country": "India", "ministry": "an army spokesman in Srinagar",
        "attacker": "Pakistani troops", "defender": "Indian posts along the Line of Control",
        "outlets": ["Valley Times", "Northern Frontier Report"],
    },
    {
        "places": [("Kiryat Shmona", "Northern District"), ("Metula", "Northern District"),
                   ("Shlomi", "Northern District"), ("Aitaroun", "Nabatieh"), ("Khiam", "Nabatieh"),
                   ("Naqoura", "South Governorate"), ("Bint Jbeil", "Nabatieh")],
        "country": "Lebanon", "ministry": "the military",
        "attacker": "Hezbollah fighters", "defender": "army posts",
        "outlets": ["Levant Dispatch", "Galilee Observer"],
    },
    {
        "places": [("Batken", "Batken"), ("Isfara", "Sughd"), ("Vorukh", "Sughd"), ("Kok-Tash", "Batken"),
                   ("Ak-Sai", "Batken"), ("Leilek", "Batken")],
        "country": "Kyrgyzstan", "ministry": "the State Border Service",
        "attacker": "Tajik border guards", "defender": "Kyrgyz border posts",
        "outlets": ["Fergana Valley News", "Osh Today"],
    },
]

WEAPONS = ["small arms", "large-calibre machine guns", "60-mm mortars", "82-mm mortars", "sniper rifles",
           "grenade launchers", "attack drones", "122-mm howitzers", "multiple rocket launchers"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TIMES = ["at about 22:40", "at around 03:15", "late in the evening", "early in the morning", "overnight",
         "in the afternoon", "from 23:10 to 23:55", "shortly after midnight"]
NUMS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
ROLES = ["serviceman", "civilian", "border guard", "contract soldier", "conscript", "farmer"]

NAV = ["Home", "Politics", "Economy", "Society", "Region", "World", "Video", "Photo", "Opinion",
       "Contacts", "About us", "Advertising", "Subscribe", "Search", "Русский", "English"]
READ_ALSO = [
    "Parliament debates the new budget in first reading",
    "Exchange rates for today",
    "Heavy snowfall expected in mountain districts",
    "Football: national team names squad for qualifiers",
    "Ministry announces new rules for university admissions",
    "Prices of fuel rise for the third month in a row",
    "President receives visiting delegation",
    "Weather: rain and thunderstorms in the north",
]
FOOTER = ["All rights reserved. Use of materials is allowed only with a hyperlink to the source.",
          "Follow us on social networks", "Privacy policy | Terms of use", "Cookies help us deliver our services."]


def n_word(rng, lo=1, hi=10):
    n = rng.randint(lo, hi)
    return NUMS[n - 1] if n <= 10 and rng.random() < 0.6 else str(n)


def sentence_incident(rng, th, place, region, day_phrase):
    w1, w2 = rng.sample(WEAPONS, 2)
    forms = [
        f"On {day_phrase}, {th['attacker']} opened fire {rng.choice(TIMES)} from {w1} on {th['defender']} located near {place} village of the {region} region, {th['ministry']} said.",
        f"{upper_first(th['attacker'])} shelled {place} in the {region} district {day_phrase_tail(day_phrase)}, using {w1} and {w2}.",
        f"According to {th['ministry']}, {place} came under fire from {w1} {rng.choice(TIMES)} on {day_phrase}.",
        f"A drone attack hit the outskirts of {place}, {region} region, on {day_phrase}, local officials said.",
        f"Positions near {place} were subjected to fire from {w1} on {day_phrase}; the fire was returned.",
    ]
    return rng.choice(forms)


def upper_first(s):
    return s[:1].upper() + s[1:]


def day_phrase_tail(day_phrase):
    return "on " + day_phrase


def sentence_casualty(rng):
    k = rng.randint(0, 3)
    role = rng.choice(ROLES)
    if k == 0:
        return "There were no casualties among personnel, and the situation is under control."
    if k == 1:
        return f"A {role} was wounded and taken to hospital in a stable condition."
    if k == 2:
        return f"{upper_first(n_word(rng, 2))} people were killed and {n_word(rng)} others injured, the regional governor wrote on social media."
    return f"{upper_first(n_word(rng, 2, 4))} {role}s were killed and a house and two cars were damaged."


def sentence_claim(rng, th, other):
    forms = [
        f"The other side denied the report, calling it \"disinformation\" and saying that {other['defender']} had not fired a single shot.",
        f"\"Our units took adequate retaliatory measures,\" a spokesman for {th['ministry']} told reporters.",
        f"Officials said the attack was a gross violation of the ceasefire agreement.",
        f"Earlier this month, a similar incident was reported in the same area, with no casualties.",
        f"The ministry called on the international community to condemn the provocation.",
    ]
    return rng.choice(forms)


def sentence_filler(rng):
    forms = [
        "The two sides have traded accusations of ceasefire violations for months, and talks on a peace treaty remain stalled.",
        "Monitors from the observer mission visited the area the following day and met with local residents.",
        "Schools in the district switched to remote learning, and residents were advised to stay in shelters.",
        "The foreign ministry summoned the ambassador to protest against what it called an unprovoked attack.",
        "Electricity and water supplies were cut in several streets and repair crews were sent as soon as the shelling stopped.",
        "Analysts say the escalation follows a pattern seen along this stretch of the border every spring.",
    ]
    return rng.choice(forms)


def make_report(rng, i, base_date):
    th = rng.choice(THEATRES)
    other = rng.choice([t for t in THEATRES if t is not th])
    published = base_date + dt.timedelta(days=rng.randint(0, 1500))
    back = rng.randint(0, 3)
    event_date = published - dt.timedelta(days=back)
    if back == 0:
        day_phrase = "today" if rng.random() < 0.3 else event_date.strftime("%B %-d")
    elif back == 1 and rng.random() < 0.5:
        day_phrase = "yesterday"
    elif rng.random() < 0.5:
        day_phrase = WEEKDAYS[event_date.weekday()]
    else:
        day_phrase = event_date.strftime("%-d %B")
    place, region = rng.choice(th["places"])
    title = rng.choice([
        f"{place} comes under fire",
        f"Ceasefire violated near {place}",
        f"{th['country']}: shelling reported in {region}",
        f"Drone strike in {region}, casualties reported",
        "Situation on the border remains tense",
    ])
    body = [sentence_incident(rng, th, place, region, day_phrase), sentence_casualty(rng)]
    for _ in range(rng.randint(5, 15)):
        body.append(rng.choice([
            sentence_claim(rng, th, other),
            sentence_filler(rng),
            sentence_incident(rng, th, *rng.choice(th["places"]), day_phrase),
            sentence_casualty(rng),
        ]))
    paragraphs = []
    while body:
        k = rng.randint(1, 3)
        paragraphs.append(" ".join(body[:k]))
        body = body[k:]
    outlet = rng.choice(th["outlets"])
    stamp = f"{published.strftime('%d %B %Y')} - {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    read_also = rng.sample(READ_ALSO, rng.randint(2, 6))
    nav = rng.sample(NAV, rng.randint(5, len(NAV)))
    rec = {
        "id": f"bench-{i:07d}",
        "published": published.isoformat(),
        "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{i}",
        "outlet": outlet,
    }
    if rng.random() < 0.25:
        rec["html"] = html_page(title, stamp, paragraphs, nav, read_also, outlet)
    else:
        lines = nav + ["", title, stamp, ""]
        for p in paragraphs:
            lines += [p, ""]
        lines += ["Read also"] + read_also + [""] + rng.sample(FOOTER, 2)
        rec["text"] = "\n".join(lines)
    return rec


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_page(title, stamp, paragraphs, nav, read_also, outlet):
    menu = "".join(f'<li><a href="/{esc(n.lower())}">{esc(n)}</a></li>' for n in nav)
    ps = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    also = "".join(f'<li><a href="/news/{k}">{esc(r)}</a></li>' for k, r in enumerate(read_also))
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{esc(title)} | {esc(outlet)}</title>"
        f"<script>var ads = [];</script></head><body><header><nav><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{esc(title)}</h1><time>{esc(stamp)}</time>{ps}</article>"
        f"<aside><h3>Read also</h3><ul>{also}</ul></aside></main>"
        f"<footer><p>{esc(FOOTER[0])}</p></footer></body></html>"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="number of reports (default 100000)")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--out", default="-", help="output JSON Lines file (default stdout)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    base = dt.date(2021, 1, 1)
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    size = 0
    for i in range(a.docs):
        line = json.dumps(make_report(rng, i, base), ensure_ascii=False) + "\n"
        size += len(line.encode("utf-8"))
        out.write(line)
    if out is not sys.stdout:
        out.close()
    print(f"make_corpus: {a.docs} reports, {size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
