#!/usr/bin/env bash
# Runs checks against the shaded jar itself (the shade filters remove files the unit tests never miss).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q package -DskipTests
java --class-path target/support-bot.jar bench/JarSmoke.java
ls -l target/support-bot.jar | awk '{printf "jar size: %.1f MB\n", $5/1e6}'
