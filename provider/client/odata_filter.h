// Builds OData $filter expressions from typed values: every value is a quoted string literal
// with embedded quotes doubled, so user input can never change the expression's structure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opc::client {

// 'value' with each ' doubled (OData ABNF: SQUOTE-in-string = "''"). O'Brien -> 'O''Brien'.
std::string QuoteODataString(std::string_view value);

class ODataFilter {
 public:
  // field eq 'value'
  ODataFilter& Eq(std::string_view field, std::string_view value);
  // collection/any(v:v eq 'value'), e.g. capabilities/any(c:c eq 'userAssignment')
  ODataFilter& AnyEq(std::string_view collection, std::string_view value,
                     std::string_view lambda_variable = "x");

  bool empty() const { return clauses_.empty(); }
  // The clauses joined with " and "; "" when there are none.
  std::string ToString() const;

 private:
  std::vector<std::string> clauses_;
};

}  // namespace opc::client
