#!/usr/bin/env bash
# Installs every Debian package Storyline needs to build, test, fuzz and benchmark.
# Debian packages only: nothing is downloaded at build or run time.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config git ca-certificates
  libxml2-dev zlib1g-dev nlohmann-json3-dev libyaml-cpp-dev
  libicu-dev libuchardet-dev libpsl-dev libstemmer-dev libcld2-dev
  libsqlite3-dev libsqlitecpp-dev libcpp-httplib-dev libboost-dev libbrotli-dev libcurl4-openssl-dev libcli11-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  wordnet-base
  dict-de-en dict-freedict-deu-eng mueller7-dict dict-freedict-eng-rus dict-freedict-fra-eng dict-freedict-spa-eng
  dict-freedict-ita-eng dict-freedict-por-eng dict-freedict-ara-eng dict-freedict-pol-eng dict-freedict-tur-eng
  dict-freedict-jpn-eng
  wrk curl python3 python3-feedparser
  chromium chromium-driver
  clang libfuzzer-14-dev libclang-rt-14-dev
  clang-format-14
  libpq-dev postgresql-15
  nats-server libnats-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
