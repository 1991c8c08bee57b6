#!/usr/bin/env python3
"""A register-like list of households for `advise batch`: what a ward's register looks like, not the peer's
repeated profiles. Land log-normal around 2,500 m² (to the m², capped at 3 ha), capital log-normal around 60 M
to the 100.000 ₫, flood and salinity uniform over their levels, 1-3 workers, 2-6 members, every loan category,
other income none (half the rows) or 2 / 3.5 / 6 M a month. About 98 % of the rows are distinct profiles.

    python3 Benchmarks/gen_register.py ROWS [SEED] > register.csv
"""
import math
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
out = sys.stdout
out.write("id,land,capital,flood,salinity,labour,members,loan-category,other-income\n")
for i in range(rows):
    land = int(min(30_000, random.lognormvariate(math.log(2_500), 1.0)))
    capital = round(random.lognormvariate(math.log(60e6), 1.2) / 1e5) * 100_000
    flood = random.choice(["none", "occasional", "frequent"])
    salinity = random.choice(["low", "medium", "high"])
    labour = random.choice([1, 2, 2, 3])
    members = random.choice([2, 3, 4, 4, 5, 6])
    category = random.choice(["none", "poor", "near-poor", "newly-escaped"])
    other = random.choice([0, 0, 2_000_000, 3_500_000, 6_000_000]) * 12
    out.write(f"R{i},{land},{capital},{flood},{salinity},{labour},{members},{category},{other}\n")
