#!/usr/bin/env python3
"""Prints PIT's mutation score per module and in total from target/pit-reports/mutations.xml files,
and lists the surviving mutants (class, method, line, mutator) so accepted survivors can be reviewed."""
import os
import sys
import xml.etree.ElementTree as ET

total_killed = total = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        print(f"{path}: no report (that PIT run did not finish)")
        continue
    root = ET.parse(path).getroot()
    mutations = root.findall("mutation")
    # PIT's score: killed (incl. timed out / memory error) over all mutations; NO_COVERAGE counts as survived.
    killed = [m for m in mutations if m.get("detected") == "true"]
    survived = [m for m in mutations if m.get("detected") != "true"]
    total_killed += len(killed)
    total += len(mutations)
    score = 100.0 * len(killed) / len(mutations) if mutations else 100.0
    # shared/target/pit-reports-services/mutations.xml -> "shared (services)": one line per PIT execution
    module, _, rest = path.partition("/target/")
    execution = rest.split("/")[0].removeprefix("pit-reports").lstrip("-")
    label = f"{module} ({execution})" if execution else module
    print(f"{label}: {len(killed)}/{len(mutations)} mutants killed = {score:.1f}% [{path}]")
    for m in survived:
        cls = m.findtext("mutatedClass").rsplit(".", 1)[-1]
        mutator = m.findtext("mutator").rsplit(".", 1)[-1]
        print(f"  survived ({m.get('status')}): {cls}.{m.findtext('mutatedMethod')} line {m.findtext('lineNumber')}: "
              f"{mutator}: {m.findtext('description')}")
if total:
    print(f"mutation score, all reports above: {total_killed}/{total} = {100.0 * total_killed / total:.1f}%")
