// What one plan has learnt about operator coverage, so that removing an operator relationship
// (or a country from one) while the configuration keeps assignments of that operator's numbers
// in that country is refused at plan time instead of failing half-way through the apply.
//
// Terraform plans every resource of a configuration in one provider process, one
// PlanResourceChange per instance (destroys too: the provider declares plan_destroy), in an
// order it chooses. So both sides record here and both sides check: a relationship records the
// countries its plan removes and learns which kept numbers are already recorded there; a kept
// assignment records its number and learns whether a relationship planned earlier removes its
// country. Whichever is planned second reports the conflict, so the order does not matter.
// Thread-safe: Terraform plans in parallel.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace opc::resources {

class RemovalLedger {
 public:
  // A number the plan keeps assigned (an assignment planned with a non-null new state).
  struct KeptNumber {
    std::string telephone_number;
    std::string operator_id;
    std::string country;  // ISO alpha-2
    friend bool operator==(const KeptNumber&, const KeptNumber&) = default;
  };

  // A relationship's plan stops covering `countries` of `operator_id` (all of its countries
  // when it is destroyed or replaced). Returns the kept numbers recorded so far that lose their
  // coverage, sorted by number.
  std::vector<KeptNumber> RecordRemoval(const std::string& operator_id,
                                        const std::set<std::string>& countries);

  // The plan keeps `number`. Returns true when a relationship planned earlier in this plan
  // removes its operator's coverage of its country.
  bool RecordKept(const KeptNumber& number);

 private:
  absl::Mutex mu_;
  // lower-case operator id -> countries
  std::map<std::string, std::set<std::string>> removed_ ABSL_GUARDED_BY(mu_);
  std::vector<KeptNumber> kept_ ABSL_GUARDED_BY(mu_);
};

}  // namespace opc::resources
