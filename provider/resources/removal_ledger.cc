#include "provider/resources/removal_ledger.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace opc::resources {
namespace {

std::string Key(const std::string& operator_id) { return absl::AsciiStrToLower(operator_id); }
std::string Country(const std::string& country) { return absl::AsciiStrToUpper(country); }

}  // namespace

std::vector<RemovalLedger::KeptNumber> RemovalLedger::RecordRemoval(
    const std::string& operator_id, const std::set<std::string>& countries) {
  std::set<std::string> upper;
  for (const std::string& country : countries) {
    upper.insert(Country(country));
  }
  absl::MutexLock lock(&mu_);
  removed_[Key(operator_id)].insert(upper.begin(), upper.end());
  std::vector<KeptNumber> lost;
  for (const KeptNumber& kept : kept_) {
    if (Key(kept.operator_id) == Key(operator_id) && upper.contains(Country(kept.country))) {
      lost.push_back(kept);
    }
  }
  std::sort(lost.begin(), lost.end(), [](const KeptNumber& a, const KeptNumber& b) {
    return a.telephone_number < b.telephone_number;
  });
  return lost;
}

bool RemovalLedger::RecordKept(const KeptNumber& number) {
  absl::MutexLock lock(&mu_);
  kept_.push_back(number);
  auto it = removed_.find(Key(number.operator_id));
  return it != removed_.end() && it->second.contains(Country(number.country));
}

}  // namespace opc::resources
