#!/usr/bin/env python3
"""Writes Samples/ward-register.csv: a synthetic register of 300 households of Ben Tre ward for `advise ward`.

Not real households. The list is what a ward keeps for poverty work: every poor and near-poor household, the
newly escaped, and a sample of others — so the poor and near-poor are far more than the ward's 0.32 % and 1.3 %
(the interview, rules source I1). Incomes per person a month: poor and near-poor under the 2,000,000 VND urban
line (Decree 07/2021), the poor with three or more deprivations; others around the ward's mean of 75.5 M VND a
year (≈ 6.3 M a month). Land from landless to 2 ha, mostly small plots (DOMAIN §6.5: 0.36–0.9 ha for coconut
households). Fixed seed: the file is the same at every run.

    python3 Samples/make-ward-register.py > Samples/ward-register.csv
    python3 Samples/make-ward-register.py 10000 > /tmp/ward-10000.csv      # for the benchmark
"""
import random
import sys

rng = random.Random(20261130)
rows = []
for i in range(1, (int(sys.argv[1]) if len(sys.argv) > 1 else 300) + 1):
    r = rng.random()
    category = "poor" if r < 0.06 else "near-poor" if r < 0.22 else "newly-escaped" if r < 0.34 else "none"
    members = rng.choice([2, 3, 3, 4, 4, 4, 5, 5, 6])
    labour = max(1, min(members - (1 if members > 2 else 0), rng.choice([1, 2, 2, 2, 3])))
    if category == "poor":
        per_month = rng.randint(11, 19) * 100_000
        deprivations = rng.randint(3, 5)
        land = rng.choice([0, 0, 300, 500, 800, 1000, 1500])
        capital = rng.choice([0, 0, 5, 10, 15]) * 1_000_000
    elif category == "near-poor":
        per_month = rng.randint(15, 19) * 100_000
        deprivations = rng.randint(0, 2)
        land = rng.choice([0, 300, 500, 800, 1000, 1500, 2000, 3000])
        capital = rng.choice([0, 10, 20, 30]) * 1_000_000
    elif category == "newly-escaped":
        per_month = rng.randint(21, 30) * 100_000
        deprivations = rng.randint(0, 2)
        land = rng.choice([500, 1000, 1500, 2000, 3000, 5000])
        capital = rng.choice([10, 20, 50]) * 1_000_000
    else:
        per_month = int(rng.lognormvariate(15.6, 0.45) // 100_000 * 100_000)
        deprivations = rng.choice([0, 0, 0, 1])
        land = rng.choice([0, 1000, 2000, 3000, 5000, 7000, 10000, 20000])
        capital = rng.choice([20, 50, 100, 150, 300]) * 1_000_000
    flood = rng.choice(["none", "none", "occasional", "occasional", "frequent"])
    salinity = rng.choice(["low", "low", "medium", "high"])
    use = rng.choice(["bare", "coconut", "coconut", "mixed-garden", "neglected-coconut", "rice"]) if land else "bare"
    rows.append([f"BT-{i:03d}" if i < 1000 else f"BT-{i}", land, capital, flood, salinity, labour, members, use, category, per_month, deprivations])

print("id,land,capital,flood,salinity,labour,members,current-use,loan-category,income-per-member,deprivations")
for row in rows:
    print(",".join(str(x) for x in row))
