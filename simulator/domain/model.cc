#include "simulator/domain/model.h"

#include <set>

namespace opcsim {

std::vector<std::string> Operator::CountryCodes() const {
  std::set<std::string> all;
  for (const Offering& offering : offerings) {
    all.insert(offering.country_codes.begin(), offering.country_codes.end());
  }
  return {all.begin(), all.end()};
}

std::vector<std::string> Operator::OfferTypes() const {
  std::set<std::string> all;
  for (const Offering& offering : offerings) {
    all.insert(offering.offer_type);
  }
  return {all.begin(), all.end()};
}

}  // namespace opcsim
