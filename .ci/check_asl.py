"""Checks ASL definitions: valid JSON, StartAt and every Next/Default/Catch target name a state,
every non-terminal state has a way on, Task/Wait fields are present. cfn-lint does not look
inside DefinitionUri files, so this stands in for it."""
import json
import sys

TERMINAL = {"Succeed", "Fail"}
errors = []


def walk(machine, where):
    states = machine.get("States", {})
    if machine.get("StartAt") not in states:
        errors.append(f"{where}: StartAt {machine.get('StartAt')!r} is no state")
    for name, s in states.items():
        t = s.get("Type")
        if t is None:
            errors.append(f"{where}.{name}: no Type")
        targets = [s.get("Next"), s.get("Default")]
        targets += [c.get("Next") for c in s.get("Choices", [])]
        targets += [c.get("Next") for c in s.get("Catch", [])]
        for target in targets:
            if target is not None and target not in states:
                errors.append(f"{where}.{name}: goes to unknown state {target!r}")
        if t not in TERMINAL and t != "Choice" and not s.get("End") and not s.get("Next"):
            errors.append(f"{where}.{name}: neither Next nor End")
        if t == "Task" and "Resource" not in s:
            errors.append(f"{where}.{name}: Task without Resource")
        if t == "Wait" and not any(k in s for k in ("Seconds", "SecondsPath", "Timestamp", "TimestampPath")):
            errors.append(f"{where}.{name}: Wait without a duration")
        for b in s.get("Branches", []):
            walk(b, f"{where}.{name}")
        for key in ("Iterator", "ItemProcessor"):
            if key in s:
                walk(s[key], f"{where}.{name}")


files = [f for f in sys.argv[1:] if not f.endswith("*.asl.json")]
for f in files:
    try:
        walk(json.load(open(f)), f)
    except json.JSONDecodeError as e:
        errors.append(f"{f}: not JSON: {e}")
print("\n".join(errors) if errors else f"{len(files)} state machine(s) OK")
sys.exit(1 if errors else 0)
