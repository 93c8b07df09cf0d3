#include "provider/resources/api_field_names.h"

#include <cctype>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace opc::resources {
namespace {

// API field (schemas/tenant-api.yaml, Graph) -> Terraform attribute, where the two differ.
constexpr std::pair<std::string_view, std::string_view> kFields[] = {
    {"countryOrRegion", "country"},
    {"companyName", "company_name"},
    {"houseNumber", "house_number"},
    {"houseNumberSuffix", "house_number_suffix"},
    {"preDirectional", "pre_directional"},
    {"postDirectional", "post_directional"},
    {"streetName", "street_name"},
    {"streetSuffix", "street_suffix"},
    {"cityAlias", "city_alias"},
    {"stateOrProvince", "state_or_province"},
    {"postalCode", "postal_code"},
    {"civicAddressId", "civic_address_id"},
    {"locationId", "location_id"},
    {"telephoneNumber", "telephone_number"},
    {"assignmentTargetId", "assignment_target_id"},
    {"assignmentCategory", "assignment_category"},
    {"numberType", "number_type"},
    {"consentedCountries", "countries"},
    {"operatorId", "operator_id"},
    {"fullName", "full_name"},
    {"companySize", "company_size"},
};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `word` occurs in `text` as a whole word (so "houseNumber" is not found in "houseNumberSuffix").
bool ContainsWord(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.size() || !IsWordChar(text[end]))) {
      return true;
    }
  }
  return false;
}

}  // namespace

NamedMessage WithAttributeNames(std::string_view message) {
  std::vector<std::string> notes;
  std::optional<framework::AttributePath> only;
  for (const auto& [field, attribute] : kFields) {
    if (ContainsWord(message, field)) {
      notes.push_back(absl::StrCat("the service's field ", std::string(field),
                                   " is the attribute `", std::string(attribute), "`"));
      only = framework::AttributePath::Root(std::string(attribute));
    }
  }
  NamedMessage out{std::string(message), std::nullopt};
  if (notes.empty()) {
    return out;
  }
  absl::StrAppend(&out.message, " (", absl::StrJoin(notes, "; "), ")");
  if (notes.size() == 1) {
    out.attribute = std::move(only);
  }
  return out;
}

}  // namespace opc::resources
