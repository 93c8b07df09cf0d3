#!/usr/bin/env python3
"""Renders the provider's reference pages (docs/) from `terraform providers schema -json`.

One page per resource and data source, in the layout of the Terraform Registry: description,
example usage (from examples/), the schema grouped into required, optional and read-only
attributes with nested schemas below, and the import command with the notes of import.md. The schema's markdown
descriptions are the single source: edit them in provider/resources/, then re-run
scripts/gen-docs.sh.

  render_docs.py SCHEMA_JSON EXAMPLES_DIR OUT_DIR
"""

import json
import pathlib
import sys

PROVIDER_NAME = "operatorconnect"
REAL_TENANT_SECTION = pathlib.Path(__file__).with_name("real_tenant.md")


def type_label(cty):
    """Terraform's JSON type notation as the registry writes it: "List of String"."""
    if isinstance(cty, str):
        return {"string": "String", "number": "Number", "bool": "Boolean",
                "dynamic": "Dynamic"}.get(cty, cty)
    kind, element = cty[0], cty[1]
    if kind in ("list", "set", "map"):
        return f"{kind.capitalize()} of {type_label(element)}"
    if kind == "object":
        return "Object"
    if kind == "tuple":
        return "Tuple"
    return kind


def anchor(path):
    return "nestedatt--" + "--".join(path)


def attribute_group(attribute):
    if attribute.get("required"):
        return "Required"
    if attribute.get("optional"):
        return "Optional"
    return "Read-Only"


def describe_attribute(name, attribute, path, pending):
    nested = attribute.get("nested_type")
    flags = []
    if nested:
        mode = nested.get("nesting_mode", "single")
        label = "Attributes" if mode == "single" else f"Attributes {mode.capitalize()}"
        flags.append(label)
        pending.append((path + [name], nested["attributes"], {}))
    else:
        flags.append(type_label(attribute["type"]))
    if attribute.get("sensitive"):
        flags.append("Sensitive")
    if attribute.get("deprecated"):
        flags.append("Deprecated")
    text = attribute.get("description", "").strip()
    line = f"- `{name}` ({', '.join(flags)})"
    if text:
        line += " " + text
    if nested:
        line += f" (see [below for nested schema](#{anchor(path + [name])}))"
    return line


def describe_block(name, block_type, path, pending):
    mode = block_type.get("nesting_mode", "single")
    label = "Block" if mode in ("single", "group") else f"Block {mode.capitalize()}"
    limits = []
    if block_type.get("min_items"):
        limits.append(f"Min: {block_type['min_items']}")
    if block_type.get("max_items"):
        limits.append(f"Max: {block_type['max_items']}")
    flags = ", ".join([label] + limits)
    text = block_type["block"].get("description", "").strip()
    pending.append((path + [name], block_type["block"].get("attributes", {}),
                    block_type["block"].get("block_types", {})))
    line = f"- `{name}` ({flags})"
    if text:
        line += " " + text
    return line + f" (see [below for nested schema](#{anchor(path + [name])}))"


def render_members(attributes, block_types, path):
    """The grouped attribute lists of one level, then the nested levels it points to."""
    lines, pending = [], []
    groups = {"Required": [], "Optional": [], "Read-Only": []}
    for name in sorted(attributes):
        attribute = attributes[name]
        groups[attribute_group(attribute)].append(
            describe_attribute(name, attribute, path, pending))
    for name in sorted(block_types or {}):
        block_type = block_types[name]
        group = "Required" if block_type.get("min_items") else "Optional"
        groups[group].append(describe_block(name, block_type, path, pending))
    for group, entries in groups.items():
        if not entries:
            continue
        lines.append(f"### {group}" if not path else f"{group}:")
        lines.append("")
        lines.extend(entries)
        lines.append("")
    for nested_path, nested_attributes, nested_blocks in pending:
        lines.append(f'<a id="{anchor(nested_path)}"></a>')
        lines.append(f"### Nested Schema for `{'.'.join(nested_path)}`")
        lines.append("")
        lines.extend(render_members(nested_attributes, nested_blocks, nested_path))
    return lines


def fenced(language, text):
    return [f"```{language}", text.rstrip("\n"), "```", ""]


def render_page(kind, full_name, schema, examples_dir):
    short = full_name[len(PROVIDER_NAME) + 1:]
    block = schema["block"]
    title = "Resource" if kind == "resources" else "Data Source"
    lines = ["---", f'page_title: "{full_name} {title} - {PROVIDER_NAME}"',
             'subcategory: ""', "description: |-"]
    summary = block.get("description", "").strip() or f"The {full_name} {title.lower()}."
    # The front matter (the registry's page summary) takes the first paragraph only.
    lines += ["  " + line for line in summary.split("\n\n")[0].splitlines()]
    lines += ["---", "", f"# {full_name} ({title})", "", summary, ""]

    example_dir = examples_dir / kind / full_name
    main_file = example_dir / ("resource.tf" if kind == "resources" else "data-source.tf")
    if main_file.exists():
        lines += ["## Example Usage", ""] + fenced("terraform", main_file.read_text())

    lines += ["## Schema", ""]
    lines += render_members(block.get("attributes", {}), block.get("block_types", {}), [])

    import_file = example_dir / "import.sh"
    if kind == "resources" and import_file.exists():
        lines += ["## Import", "", "Import is supported using the following syntax:", ""]
        lines += fenced("shell", import_file.read_text())
        lines += ["In Terraform 1.5 and later, an `import` block does the same:", ""]
        lines += fenced("terraform", import_block(full_name, import_file.read_text()))
        # What an import reads back (and what it cannot): examples/.../import.md, when present.
        notes_file = example_dir / "import.md"
        if notes_file.exists():
            lines += [notes_file.read_text().strip(), ""]
    return short, "\n".join(lines).rstrip("\n") + "\n"


def import_block(full_name, import_script):
    """The `import` block equivalent to the first `terraform import` line of import.sh."""
    for line in import_script.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[:2] == ["terraform", "import"]:
            address, identifier = parts[2], " ".join(parts[3:])
            return f"import {{\n  to = {address}\n  id = {identifier}\n}}"
    return f"import {{\n  to = {full_name}.example\n  id = \"...\"\n}}"


def render_function(name, function, examples_dir):
    """A function page as tfplugindocs writes it: summary, example, signature, arguments."""
    summary = function.get("summary", "").strip() or f"The {name} function."
    description = function.get("description", "").strip() or summary
    lines = ["---", f'page_title: "{name} function - {PROVIDER_NAME}"', 'subcategory: ""',
             "description: |-", f"  {summary}", "---", "", f"# function: {name}", "",
             description, ""]
    example = examples_dir / "functions" / name / "function.tf"
    if example.exists():
        lines += ["## Example Usage", ""] + fenced("terraform", example.read_text())
    parameters = function.get("parameters", [])
    variadic = function.get("variadic_parameter")
    signature = ", ".join(f"{p['name']} {type_label(p['type']).lower()}" for p in parameters)
    if variadic:
        signature += (", " if signature else "") + f"{variadic['name']} {type_label(variadic['type']).lower()}..."
    lines += ["## Signature", ""]
    lines += fenced("text", f"{name}({signature}) {type_label(function['return_type']).lower()}")
    lines += ["## Arguments", ""]
    for index, parameter in enumerate(parameters + ([variadic] if variadic else []), start=1):
        text = parameter.get("description", "").strip()
        flags = [type_label(parameter["type"])]
        if parameter.get("is_nullable"):
            flags.append("Nullable")
        lines.append(f"{index}. `{parameter['name']}` ({', '.join(flags)}) {text}".rstrip())
    lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_index(provider_schema, examples_dir):
    block = provider_schema["block"]
    lines = ["---", f'page_title: "{PROVIDER_NAME} Provider"', "description: |-",
             "  Microsoft Teams Phone Operator Connect as code.", "---", "",
             f"# {PROVIDER_NAME} Provider", "",
             block.get("description", "").strip()
             or "Microsoft Teams Phone Operator Connect as code.", ""]
    # What works against a real tenant: one text, also in README.md (gen-docs.sh --check).
    lines += [REAL_TENANT_SECTION.read_text().strip(), ""]
    example = examples_dir / "provider" / "provider.tf"
    if example.exists():
        lines += ["## Example Usage", ""] + fenced("terraform", example.read_text())
    lines += ["## Schema", ""]
    lines += render_members(block.get("attributes", {}), block.get("block_types", {}), [])
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    schema_json, examples_dir, out_dir = (pathlib.Path(a) for a in argv[1:])
    document = json.loads(schema_json.read_text())
    schemas = next(iter(document["provider_schemas"].values()))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "index.md").write_text(render_index(schemas["provider"], examples_dir))
    for kind, key in (("resources", "resource_schemas"), ("data-sources", "data_source_schemas")):
        (out_dir / kind).mkdir(exist_ok=True)
        for full_name, schema in sorted(schemas.get(key, {}).items()):
            short, page = render_page(kind, full_name, schema, examples_dir)
            (out_dir / kind / f"{short}.md").write_text(page)
    functions = schemas.get("functions", {})
    if functions:
        (out_dir / "functions").mkdir(exist_ok=True)
        for name, function in sorted(functions.items()):
            (out_dir / "functions" / f"{name}.md").write_text(
                render_function(name, function, examples_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
