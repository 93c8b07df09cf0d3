#!/usr/bin/env python3
"""Unit tests of scripts/drift/render_drift_report.py on hand-written plan JSON: which objects
and attributes count as drift, and that sensitive values never reach the report."""

import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

RENDERER = pathlib.Path(__file__).resolve().parents[2] / "scripts/drift/render_drift_report.py"


def drift_entry(address, actions, before, after, before_sensitive=False, after_sensitive=False):
    kind, name = address.split(".", 1)
    return {"address": address, "mode": "managed", "type": kind, "name": name,
            "change": {"actions": actions, "before": before, "after": after,
                       "before_sensitive": before_sensitive, "after_sensitive": after_sensitive}}


class RenderDriftReportTest(unittest.TestCase):
    def render(self, entries, plan_status=2):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            (tmp / "plan.json").write_text(json.dumps(
                {"terraform_version": "1.11.4", "timestamp": "2026-12-03T06:00:00Z",
                 "resource_drift": entries}))
            done = subprocess.run(
                [sys.executable, str(RENDERER), str(tmp / "plan.json"), str(plan_status),
                 str(tmp / "r.json"), str(tmp / "r.md")], capture_output=True, text=True)
            return done.returncode, json.loads((tmp / "r.json").read_text()), (
                tmp / "r.md").read_text()

    def test_no_entries_is_no_drift(self):
        status, report, markdown = self.render([], plan_status=0)
        self.assertEqual(status, 0)
        self.assertEqual(report["objects"], [])
        self.assertFalse(report["drift"])
        self.assertIn("No drift", markdown)

    def test_exit_two_without_a_changed_attribute_counts_as_no_drift(self):
        # Only the sensitivity moved: Terraform lists the object, nothing changed.
        status, report, _ = self.render([drift_entry(
            "t.a", ["update"], {"id": "1"}, {"id": "1"}, {}, {"id": True})])
        self.assertEqual(status, 0)
        self.assertEqual(report["objects"], [])

    def test_nested_and_whole_value_changes(self):
        status, report, markdown = self.render([drift_entry(
            "t.a", ["update"],
            {"id": "1", "city": "X", "contact": {"name": "n", "email": "a"}, "tags": ["a", "b"]},
            {"id": "1", "city": "Y", "contact": {"name": "m", "email": "a"}, "tags": ["a"]})])
        self.assertEqual(status, 2)
        changes = {c["attribute"]: (c["old"], c["new"]) for c in report["objects"][0]["changes"]}
        self.assertEqual(changes, {"city": ("X", "Y"), "contact.name": ("n", "m"),
                                   "tags": (["a", "b"], ["a"])})
        self.assertIn("| `city` | <code>&quot;X&quot;</code> | <code>&quot;Y&quot;</code> |",
                      markdown)

    def test_sensitive_values_are_masked_on_both_sides(self):
        status, report, markdown = self.render([drift_entry(
            "t.a", ["update"],
            {"contact": {"email": "old-secret"}, "keys": ["k1", "k2"], "all": "s1"},
            {"contact": {"email": "new-secret"}, "keys": ["k1", "k3"], "all": "s2"},
            {"contact": {"email": True}, "keys": [False, True]}, {"all": True})])
        self.assertEqual(status, 2)
        changes = {c["attribute"]: c for c in report["objects"][0]["changes"]}
        self.assertEqual(set(changes), {"contact.email", "keys", "all"})
        for change in changes.values():
            self.assertTrue(change["sensitive"])
            self.assertEqual(change["old"], "(sensitive value)")
            self.assertEqual(change["new"], "(sensitive value)")
        text = json.dumps(report) + markdown
        for secret in ("old-secret", "new-secret", "k2", "k3", "s1", "s2"):
            self.assertNotIn(secret, text)

    def test_deleted_objects_and_no_ops(self):
        status, report, markdown = self.render([
            drift_entry("t.gone", ["delete"], {"id": "1"}, None),
            drift_entry("t.same", ["no-op"], {"id": "2"}, {"id": "2"})])
        self.assertEqual(status, 2)
        self.assertEqual([(o["address"], o["action"]) for o in report["objects"]],
                         [("t.gone", "deleted")])
        self.assertIn("## `t.gone` (deleted outside Terraform)", markdown)

    def test_pipes_in_values_do_not_break_the_table(self):
        _, _, markdown = self.render([drift_entry(
            "t.a", ["update"], {"description": "a|b"}, {"description": "c"})])
        self.assertIn("<code>&quot;a&#124;b&quot;</code>", markdown)


if __name__ == "__main__":
    unittest.main()
