// Writing HCL that `terraform fmt` leaves alone: quoted strings with every character HCL
// treats specially escaped, identifiers made from free text, and bodies whose `=` signs line
// up the way terraform fmt aligns them. Knows nothing of the tenant.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace opc::exporter::hcl {

// `text` as a quoted HCL string: `"` and `\` escaped, control characters as \n, \r, \t or
// \uXXXX, and the template sequences `${` and `%{` doubled so that Terraform reads them
// literally instead of interpolating. Other UTF-8 passes through unchanged.
std::string Quote(std::string_view text);

// A Terraform name (resource name, local value) made from free text: lower-case ASCII letters,
// digits and single underscores, at most 60 characters. Prefixed with `prefix` + "_" when it
// would start with a digit or be empty ("Floor 3" -> "floor_3", "221B" -> "n_221b").
std::string Identifier(std::string_view text, std::string_view prefix = "n");

// Hands out names unique within one namespace (a resource type, or the locals): the second
// "london" becomes "london_2", the third "london_3".
class NameAllocator {
 public:
  std::string Allocate(const std::string& wanted);

 private:
  std::set<std::string> used_;
};

// The body of a block or of a multi-line object, rendered as terraform fmt formats it:
// consecutive single-line attributes align their `=`; a multi-line value, a nested block, a
// comment or a blank line ends the run.
class Body {
 public:
  Body();
  ~Body();
  Body(Body&&) noexcept;
  Body& operator=(Body&&) noexcept;

  // name = expression (the expression on one line, already valid HCL).
  Body& Attribute(std::string name, std::string expression);
  // name = { ...body... } over several lines.
  Body& Object(std::string name, Body body);
  // name = [ one item per line, each followed by a comma ]; a single item stays on one line.
  Body& List(std::string name, std::vector<std::string> items);
  // header { ...body... }, e.g. Block("resource \"t\" \"n\"", body).
  Body& Block(std::string header, Body body);
  Body& Comment(std::string_view text);  // "# text", one line per line of `text`
  Body& Blank();

  bool empty() const;
  // The lines at `indent` levels of two spaces, each ending in "\n".
  std::string Render(int indent = 0) const;

 private:
  struct Item;
  std::vector<std::unique_ptr<Item>> items_;
};

// A list of expressions on one line: ["GB", "IE"].
std::string InlineList(const std::vector<std::string>& expressions);

}  // namespace opc::exporter::hcl
