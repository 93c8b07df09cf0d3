#include "provider/client/odata_filter.h"

#include "provider/client/string_util.h"

namespace opc::client {

std::string QuoteODataString(std::string_view value) {
  return StrCat("'", ReplaceAll(value, "'", "''"), "'");
}

ODataFilter& ODataFilter::Eq(std::string_view field, std::string_view value) {
  clauses_.push_back(StrCat(field, " eq ", QuoteODataString(value)));
  return *this;
}

ODataFilter& ODataFilter::AnyEq(std::string_view collection, std::string_view value,
                                std::string_view lambda_variable) {
  clauses_.push_back(StrCat(collection, "/any(", lambda_variable, ":", lambda_variable, " eq ",
                            QuoteODataString(value), ")"));
  return *this;
}

std::string ODataFilter::ToString() const { return Join(clauses_, " and "); }

}  // namespace opc::client
