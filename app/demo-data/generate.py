#!/usr/bin/env python3
"""Regenerates the demo registry CSVs beside this file (deterministic: fixed seed).

The files are committed; run this only to change the demo population. Everything here is invented: the names are
common Kenyan names, the numbers follow the formats in shared/DOMAIN.md, and no record belongs to a real person.
"""
import csv, datetime, os, random

rng = random.Random(2026)
here = os.path.dirname(os.path.abspath(__file__))

male = "Brian Kevin Dennis Collins Victor Samuel Peter John Joseph James David Daniel Stephen Paul Francis George Erick Moses Wycliffe Kipchoge Otieno Kamau Mwangi Odhiambo Kiprono Barasa Wafula Juma Hassan Omar Nelson Geoffrey Evans Caleb Felix Ian Mark Alex Martin Titus".split()
female = "Faith Mercy Grace Joyce Esther Mary Ann Jane Lucy Caroline Sharon Ivy Purity Winnie Beatrice Eunice Nancy Wanjiku Akinyi Atieno Chebet Nyambura Wambui Njeri Achieng Zawadi Halima Amina Mwanaisha Rehema Brenda Cynthia Naomi Ruth Tabitha Dorcas Gladys Lilian Agnes Josephine".split()
surnames = "Kamau Mwangi Otieno Odhiambo Kiprotich Wanjiru Njoroge Kariuki Ochieng Mutua Kiplagat Cheruiyot Onyango Wafula Barasa Omondi Kimani Ndungu Muthoni Koech Rotich Langat Kibet Juma Hassan Abdi Mohamed Wekesa Simiyu Nyongesa Owino Achieng Macharia Gitau Njuguna Waweru Mugo Kinyua Muriuki Mutiso Musyoka Kilonzo Nzioka Chege Karanja Korir Kirui Tanui Maina Githinji".split()
counties = "Nairobi Mombasa Kisumu Nakuru Uasin-Gishu Kiambu Machakos Kakamega Nyeri Meru Kericho Embu Garissa Kitui Bungoma".split()

def id_number():
    return str(rng.randint(10_000_000, 39_999_999)) if rng.random() < 0.9 else str(rng.randint(1_000_000, 9_999_999))

people, seen = [], set()
while len(people) < 200:
    n = id_number()
    if n in seen:
        continue
    seen.add(n)
    sex = rng.choice("MF")
    first = rng.choice(male if sex == "M" else female)
    others = f"{rng.choice(male if sex == 'M' else female)} {rng.choice(surnames)}" if rng.random() < 0.5 else rng.choice(surnames)
    people.append([n, first, others, rng.randint(1955, 2007), sex])
# Named, documented identities for README and tests come first and never change.
people[0] = ["28123456", "Wanjiku", "Njeri Kamau", 1990, "F"]
people[1] = ["31234567", "Otieno", "Brian Odhiambo", 1985, "M"]
people[2] = ["22345678", "Chebet", "Faith Koech", 1978, "F"]
people[3] = ["35678901", "Juma", "Hassan Omar", 2001, "M"]

def kra(prefix):
    return f"{prefix}{rng.randint(0, 999_999_999):09d}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"

org_names = [
    ("Safari Fleet Logistics Ltd", "company"), ("Rift Valley Haulage Ltd", "company"), ("Pwani Motors Ltd", "dealer"),
    ("Nyali Auto Imports", "dealer"), ("Jamhuri Driving School", "driving_school"), ("Rocky Driving School", "driving_school"),
    ("Kenya Drive Academy", "driving_school"), ("Lakeside Driving School", "driving_school"),
    ("Super Metro Sacco", "sacco"), ("Embassava Sacco", "sacco"), ("Kenya Mpya Sacco", "sacco"), ("Forward Travellers Sacco", "sacco"),
    ("Mwananchi Couriers Ltd", "company"), ("Tuko Pamoja Transporters", "company"),
]
orgs = [[kra("P"), name, kind, rng.choice(counties)] for name, kind in org_names]
orgs[0][0] = "P051234567K"
orgs[4][0] = "P051987654Z"
orgs[8][0] = "P052468013M"

makes = [("Toyota", ["Vitz", "Axio", "Fielder", "Probox", "Hiace", "Land Cruiser Prado", "Corolla"]),
         ("Nissan", ["Note", "X-Trail", "Caravan", "Tiida", "Navara"]), ("Mazda", ["Demio", "CX-5", "Axela"]),
         ("Subaru", ["Forester", "Impreza", "Outback"]), ("Isuzu", ["D-Max", "NQR", "FRR"]), ("Honda", ["Fit", "Vezel"]),
         ("Mitsubishi", ["Outlander", "Canter"]), ("Volkswagen", ["Polo", "Golf"])]
cc_for = {"Vitz": 990, "Note": 1200, "Demio": 1300, "Fit": 1300, "Polo": 1400, "Axio": 1500, "Fielder": 1500, "Probox": 1500,
          "Tiida": 1500, "Corolla": 1800, "Impreza": 1600, "Axela": 1500, "Golf": 1400, "Vezel": 1500, "X-Trail": 2000,
          "Forester": 2000, "Outback": 2500, "CX-5": 2200, "Outlander": 2400, "Caravan": 2500, "Hiace": 2700,
          "Navara": 2500, "D-Max": 3000, "Land Cruiser Prado": 2800, "Canter": 4000, "NQR": 4600, "FRR": 5200}
letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"

def plate():
    series = "K" + rng.choice("ABCD") + rng.choice(letters)
    return f"{series} {rng.randint(1, 999):03d}{rng.choice(letters)}"

vehicles, plates = [], set()
while len(vehicles) < 160:
    p = plate()
    if p in plates:
        continue
    plates.add(p)
    make, models = rng.choice(makes)
    model = rng.choice(models)
    year = rng.randint(2008, 2024)
    if rng.random() < 0.85:
        owner_id, owner_pin = rng.choice(people[:120])[0], ""
    else:
        owner_id, owner_pin = "", rng.choice(orgs)[0]
    chassis = f"{make[:2].upper()}{rng.randint(10, 99)}-{rng.randint(1_000_000, 9_999_999)}"
    engine = f"{rng.choice(['1NZ', '2NZ', '1KR', 'HR15', 'ZY', 'EJ20', '4JJ1', '1KD', 'QR25'])}-{rng.randint(100_000, 999_999)}"
    logbook = f"LB{rng.randint(10_000_000, 99_999_999)}"
    vehicles.append([p, make, model, year, cc_for[model], chassis, engine, owner_id, owner_pin, logbook])
vehicles[0] = ["KDA 123A", "Toyota", "Axio", 2015, 1500, "NZE16-1234567", "1NZ-482913", "28123456", "", "LB40012345"]
vehicles[1] = ["KCB 456B", "Nissan", "Note", 2013, 1200, "E12-7654321", "HR12-554210", "31234567", "", "LB40067890"]
vehicles[2] = ["KDE 789C", "Toyota", "Hiace", 2019, 2700, "TRH22-3344556", "2TR-771204", "", "P052468013M", "LB40099887"]

classes = ["B", "B C1", "A B", "B C1 C", "B C1 D1", "A2 B"]
licences = []
for person in people[:150]:
    if rng.random() < 0.75:
        y = rng.randint(2023, 2029)
        expiry = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        offences = rng.choice([0] * 8 + [500, 1500, 3000, 10000])
        licences.append([person[0], rng.choice(classes), expiry, offences])
licences[0] = ["28123456", "B C1", "2027-06-30", 0]
licences[1] = ["31234567", "B", "2025-03-31", 0]
licences[2] = ["22345678", "B C1 D1", "2026-12-31", 3000]

def phone():
    return f"+2547{rng.randint(0, 99_999_999):08d}"

tims = []
for i, person in enumerate(rng.sample(people[4:150], 40)):
    tims.append([f"TIMS{100_000 + i}", person[0], "", phone(), f"{person[1].lower()}.{rng.randint(1, 999)}@example.co.ke"])
for i, org in enumerate(orgs[:6]):
    tims.append([f"TIMS{200_000 + i}", "", org[0], phone(), f"fleet{i}@example.co.ke"])
tims[0] = ["TIMS100000", "22345678", "", "+254722000111", "chebet.koech@example.co.ke"]

centres = [["IC-LKR", "Likoni Road Inspection Centre", "Nairobi", 120], ["IC-IND", "Industrial Area Inspection Centre", "Nairobi", 150],
           ["IC-MSA", "Mombasa Inspection Centre", "Mombasa", 80], ["IC-KSM", "Kisumu Inspection Centre", "Kisumu", 60],
           ["IC-NKR", "Nakuru Inspection Centre", "Nakuru", 60], ["IC-ELD", "Eldoret Inspection Centre", "Uasin-Gishu", 50],
           ["IC-NYR", "Nyeri Inspection Centre", "Nyeri", 40], ["IC-MRU", "Meru Inspection Centre", "Meru", 40]]
units = [["TU-NBI-KAS", "Kasarani Driving Test Unit", "Nairobi", 60], ["TU-NBI-LAN", "Lang'ata Driving Test Unit", "Nairobi", 60],
         ["TU-MSA", "Mombasa Driving Test Unit", "Mombasa", 40], ["TU-KSM", "Kisumu Driving Test Unit", "Kisumu", 30],
         ["TU-NKR", "Nakuru Driving Test Unit", "Nakuru", 30], ["TU-THK", "Thika Driving Test Unit", "Kiambu", 30]]

# Foreigner certificates (residents) and diplomatic identity cards: no published format (DOMAIN.md), so the demo
# invents one that cannot be mistaken for a national ID: a letter and seven digits, "DP" and five digits.
foreign_first = "Ama Kofi Priya Arjun Chen Wei Fatuma Abdi Olusegun Ngozi Lars Ingrid Maria Jose Hiroshi Yuki Tendai Rudo Amani Leila".split()
foreign_last = "Mensah Asante Shah Patel Li Wang Ali Warsame Adeyemi Okafor Nilsson Berg Garcia Lopez Tanaka Sato Moyo Dube Mugisha Haddad".split()
nationalities = "Ghanaian Indian Chinese Somali Nigerian Swedish Spanish Japanese Zimbabwean Ugandan".split()
residents = []
for i in range(20):
    residents.append([f"A{1_000_000 + i:07d}", foreign_first[i], foreign_last[i], rng.choice(nationalities)])
# Documented ones first (README, tests): Priya Shah (resident, a director of Jamhuri Driving School), Ama Mensah.
residents[0] = ["A1000000", "Ama", "Mensah", "Ghanaian"]
residents[1] = ["A1000001", "Ama", "Mensah", "Ghanaian"]
residents[2] = ["A1000002", "Priya", "Shah", "Indian"]
residents[3] = ["A1000003", "Priya", "Shah", "Indian"]
missions = ["Embassy of Ghana", "High Commission of India", "Embassy of Japan", "Embassy of Sweden", "High Commission of Nigeria"]
diplomats = []
for i in range(10):
    diplomats.append([f"DP{10_000 + i:05d}", foreign_first[(i + 7) % 20], foreign_last[(i + 3) % 20], missions[i % len(missions)]])
diplomats[0] = ["DP10000", "Kofi", "Asante", "Embassy of Ghana"]
diplomats[1] = ["DP10001", "Kofi", "Asante", "Embassy of Ghana"]

# Directors recorded with KRA, by the identity document they registered with: two or three citizens per
# organisation, and for Jamhuri Driving School also the residents A1000002 and A1000003 (Priya Shah).
directors = []
for org in orgs:
    for person in rng.sample(people[4:120], rng.choice([2, 3])):
        directors.append([org[0], person[0]])
directors += [["P051987654Z", "A1000002"], ["P051987654Z", "A1000003"], ["P051234567K", "28123456"],
              ["P052468013M", "22345678"],
              # A director of Jamhuri Driving School whom no other end-to-end test registers (clock.spec.ts).
              ["P051987654Z", "36305818"]]

def write(name, header, rows):
    with open(os.path.join(here, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

# Issue 28: the register's full date of birth (age rules turn on birthdays), drawn from its own seed so nothing
# above changes; then young people for the learner's path, appended so no index above moves: 16 and 17 years old
# in December 2026, none with a licence.
births = random.Random(28)
for person in people:
    start = datetime.date(person[3], 1, 1)
    person.append((start + datetime.timedelta(days=births.randrange(365))).isoformat())
people += [
    ["40112233", "Baraka", "Kiprop Langat", 2010, "M", "2010-03-14"],
    ["40112234", "Neema", "Wairimu Gitau", 2010, "F", "2010-07-02"],
    ["40221144", "Imani", "Achieng Owino", 2009, "F", "2009-06-21"],
    ["40221145", "Tumaini", "Kibet Rotich", 2009, "M", "2009-12-24"],
]
# Issue 29: the county each person lives in (expiring licences are counted by county), from its own seed, weighted
# roughly by population: Nairobi most, then the counties with an inspection centre or a test unit.
homes = random.Random(29)
counties = (["Nairobi"] * 8 + ["Kiambu"] * 4 + ["Mombasa"] * 3 + ["Nakuru"] * 3 + ["Kisumu"] * 2 + ["Machakos"] * 2
            + ["Uasin-Gishu"] * 2 + ["Nyeri", "Meru", "Kakamega", "Kilifi", "Kajiado"])
for person in people:
    person.append(homes.choice(counties))
write("people.csv", ["id_number", "first_name", "other_names", "year_of_birth", "sex", "born_on", "county"], people)

# Issue 28: the day each class was first on a person's licence (a PSV driver's badge needs the class held three
# years), from its own seed: after the 18th birthday, before the licence's current expiry and 2026-12-01.
born = {person[0]: datetime.date.fromisoformat(person[5]) for person in people}
since_rng = random.Random(2803)
licence_classes = []
for holder, classes, expires, _ in licences:
    adult = born[holder].replace(year=born[holder].year + 18, day=min(born[holder].day, 28))
    latest = min(datetime.date.fromisoformat(expires), datetime.date(2026, 12, 1))
    first = adult + datetime.timedelta(days=since_rng.randrange(max(1, (latest - adult).days)))
    for n, cls in enumerate(classes.split()):
        # Each further class came later than the first, never after the latest day.
        extra = since_rng.randrange(max(1, (latest - first).days)) if n else 0
        licence_classes.append([holder, cls, (first + datetime.timedelta(days=extra)).isoformat()])
# Documented cases: Mwangi (born 2005) has held D1 only since June 2025; Chebet has held it since 2010.
licence_classes = [row for row in licence_classes if not (row[0] in ("6904743", "22345678") and row[1] == "D1")]
licence_classes += [["6904743", "D1", "2025-06-01"], ["22345678", "D1", "2010-03-15"]]
write("licence_classes.csv", ["holder_id_number", "class", "since"], licence_classes)
write("organisations.csv", ["kra_pin", "name", "kind", "county"], orgs)
write("vehicles.csv", ["plate", "make", "model", "year", "engine_cc", "chassis_number", "engine_number", "owner_id_number", "owner_kra_pin", "logbook_number"], vehicles)
write("driving_licences.csv", ["holder_id_number", "classes", "expires_on", "unpaid_offences_kes"], licences)
write("tims_accounts.csv", ["account_number", "id_number", "kra_pin", "phone", "email"], tims)
write("inspection_centres.csv", ["code", "name", "county", "daily_capacity"], centres)
write("test_units.csv", ["code", "name", "county", "daily_capacity"], units)
write("residents.csv", ["document_number", "first_name", "last_name", "nationality"], residents)
write("diplomats.csv", ["document_number", "first_name", "last_name", "mission"], diplomats)
write("directors.csv", ["kra_pin", "id_number"], directors)
