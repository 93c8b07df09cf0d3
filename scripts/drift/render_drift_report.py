#!/usr/bin/env python3
"""Writes the drift report of a refresh-only plan (scripts/drift-check.sh runs this).

  render_drift_report.py PLAN_JSON PLAN_EXIT_STATUS OUT_JSON OUT_MD

PLAN_JSON is `terraform show -json` of the saved refresh-only plan. Its `resource_drift`
lists the objects whose remote state differs from the state file; each attribute that
changed is reported with its value in state ("old") and in the tenant ("new"). A value is
masked when Terraform marks it sensitive on either side (before_sensitive / after_sensitive),
so a secret never reaches the report. Exit status: 2 when something drifted, else 0 (also
when terraform said 2 but no attribute changed); 1 when the plan JSON cannot be read.
"""

import html
import json
import re
import sys

MASK = "(sensitive value)"
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def child_path(path, key):
    if isinstance(key, int):
        return f"{path}[{key}]"
    if IDENTIFIER.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def marker_at(marker, keys):
    """The sensitivity marker of the value at `keys`: True when it or a parent is sensitive."""
    for key in keys:
        if marker is True:
            return True
        if isinstance(marker, dict):
            marker = marker.get(key, False)
        elif isinstance(marker, list) and isinstance(key, int) and key < len(marker):
            marker = marker[key]
        else:
            return False
    return marker


def contains_sensitive(marker):
    if marker is True:
        return True
    if isinstance(marker, dict):
        return any(contains_sensitive(m) for m in marker.values())
    if isinstance(marker, list):
        return any(contains_sensitive(m) for m in marker)
    return False


def changed_attributes(before, after, keys=(), path=""):
    """(path, keys, old, new) for each leaf that differs. Objects and maps are compared key by
    key, lists of objects element by element; anything else (strings, numbers, sets and lists
    of strings) as a whole value, which is how a reader thinks of `countries`."""
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key in sorted(set(before) | set(after)):
            out += changed_attributes(before.get(key), after.get(key), keys + (key,),
                                      child_path(path, key))
        return out
    if (isinstance(before, list) and isinstance(after, list) and len(before) == len(after)
            and any(isinstance(item, dict) for item in before + after)):
        out = []
        for index, (old, new) in enumerate(zip(before, after)):
            out += changed_attributes(old, new, keys + (index,), child_path(path, index))
        return out
    if before == after:
        return []
    return [(path, keys, before, after)]


def drifted_object(entry):
    change = entry.get("change", {})
    actions = change.get("actions", [])
    if actions == ["no-op"] or not actions:
        return None
    before_sensitive = change.get("before_sensitive", False)
    after_sensitive = change.get("after_sensitive", False)
    found = {
        "address": entry.get("address"),
        "type": entry.get("type"),
        "name": entry.get("name"),
        "action": "deleted" if "delete" in actions else "updated",
        "changes": [],
    }
    if "index" in entry:
        found["index"] = entry["index"]
    if found["action"] == "deleted":
        return found
    for path, keys, old, new in changed_attributes(change.get("before"), change.get("after")):
        sensitive = any(contains_sensitive(marker_at(marker, keys))
                        for marker in (before_sensitive, after_sensitive))
        found["changes"].append({
            "attribute": path,
            "old": MASK if sensitive else old,
            "new": MASK if sensitive else new,
            "sensitive": sensitive,
        })
    # A change only in sensitivity or in an unset-vs-null spelling is no drift.
    return found if found["changes"] else None


def cell(value):
    text = value if value == MASK else json.dumps(value, ensure_ascii=False)
    return "<code>" + html.escape(text).replace("|", "&#124;") + "</code>"


def markdown(report):
    lines = ["# Drift report", ""]
    when = f" ({report['timestamp']})" if report.get("timestamp") else ""
    if not report["objects"]:
        lines.append(f"No drift{when}: the tenant matches the Terraform state.")
        return "\n".join(lines) + "\n"
    count = len(report["objects"])
    lines.append(f"{count} object{'s' if count != 1 else ''} changed outside Terraform{when}. "
                 "Apply the configuration to put them back, or change the configuration to "
                 "accept the new values (then `terraform apply -refresh-only`).")
    lines.append("")
    for obj in report["objects"]:
        lines.append(f"## `{obj['address']}` ({obj['action']} outside Terraform)")
        lines.append("")
        if obj["action"] == "deleted":
            lines.append("The object no longer exists in the tenant; the next apply creates it.")
            lines.append("")
            continue
        lines.append("| attribute | in state | in the tenant |")
        lines.append("|---|---|---|")
        for change in obj["changes"]:
            lines.append(f"| `{change['attribute']}` | {cell(change['old'])} | "
                         f"{cell(change['new'])} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv):
    if len(argv) != 5:
        sys.stderr.write(__doc__)
        return 1
    plan_json, plan_status, out_json, out_md = argv[1:]
    try:
        with open(plan_json, encoding="utf-8") as f:
            plan = json.load(f)
    except (OSError, ValueError) as error:
        sys.stderr.write(f"drift-check: cannot read the plan JSON: {error}\n")
        return 1
    objects = [o for o in map(drifted_object, plan.get("resource_drift", [])) if o]
    report = {
        "format_version": "1.0",
        "terraform_version": plan.get("terraform_version"),
        "timestamp": plan.get("timestamp"),
        "plan_exit_status": int(plan_status),
        "drift": bool(objects),
        "objects": objects,
    }
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(markdown(report))
    summary = f"{len(objects)} drifted object(s)" if objects else "no drift"
    print(f"drift-check: {summary}; report in {out_md} and {out_json}")
    return 2 if objects else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
