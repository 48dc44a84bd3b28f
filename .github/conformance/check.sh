#!/usr/bin/env bash
# Checks one conformance case after the action waited for its job: the job is COMPLETE, its MP4
# output exists and decodes (ffprobe), and lasts the clip's 2 seconds within 0.2 s.
#   OUTPUT_URIS='<the action's output-uris output>' check.sh
# Uses the AWS CLI (v1 or v2); AWS_ENDPOINT_URL_S3, when set, is passed as --endpoint-url
# because some AWS CLI v2 releases ignore it.
set -euo pipefail
: "${OUTPUT_URIS:?OUTPUT_URIS must hold the output-uris output of the action}"
status=$(jq -r '.[0].status' <<<"$OUTPUT_URIS")
if [ "$status" != COMPLETE ]; then
  echo "::error::the job ended $status"
  exit 1
fi
uri=$(jq -r '[.[0].outputs[] | select(.kind == "file")][0].uri // empty' <<<"$OUTPUT_URIS")
if [ -z "$uri" ]; then
  echo "::error::the job is COMPLETE but names no MP4 output"
  exit 1
fi
endpoint=()
if [ -n "${AWS_ENDPOINT_URL_S3:-}" ]; then endpoint=(--endpoint-url "$AWS_ENDPOINT_URL_S3"); fi
aws "${endpoint[@]}" s3 cp --only-show-errors "$uri" conformance-output.mp4
seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 conformance-output.mp4)
if ! awk -v s="$seconds" 'BEGIN { d = s - 2; if (d < 0) d = -d; exit !(d <= 0.2) }'; then
  echo "::error::the output lasts $seconds s, the clip 2 s"
  exit 1
fi
echo "output decodes and lasts $seconds s"
