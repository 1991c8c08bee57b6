#!/usr/bin/env python3
"""Households that all ask to borrow more than they can carry, for the cost of the carried-plan search (issue 23):
land uniform 800-20,000 m², capital uniform 0-150 M (to the 100.000 ₫), poor or no loan category, 2 workers,
4 members, 3 M a month of other income, no flood, low salinity. Every row is distinct.

    python3 Benchmarks/gen_borrowers.py ROWS [SEED] > borrowers.csv
"""
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 23)
out = sys.stdout
out.write("id,land,capital,flood,salinity,labour,members,loan-category,other-income\n")
seen = set()
i = 0
while i < rows:
    row = (random.randint(800, 20_000), random.randint(0, 1_500) * 100_000, random.choice(["poor", "none"]))
    if row in seen:
        continue
    seen.add(row)
    land, capital, category = row
    out.write(f"B{i},{land},{capital},none,low,2,4,{category},36000000\n")
    i += 1
