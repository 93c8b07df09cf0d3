#!/usr/bin/env bash
# Prints a Terraform CLI configuration that installs the operatorconnect provider from the
# team's network mirror (an HTTPS URL serving the layout of the release; see the repository
# README, "Installing a release") and every other provider from its registry.
#   scripts/write-terraformrc.sh https://mirror.example.com/terraform/providers/ >"$TF_CLI_CONFIG_FILE"
set -euo pipefail
url=${1:?usage: write-terraformrc.sh MIRROR_URL}
[[ "$url" == https://* ]] || { echo "write-terraformrc: Terraform needs an https:// mirror" >&2; exit 1; }
cat <<CONFIG
provider_installation {
  network_mirror {
    url     = "${url%/}/"
    include = ["localhost/operatorconnect/*"]
  }
  direct {
    exclude = ["localhost/operatorconnect/*"]
  }
}
CONFIG
