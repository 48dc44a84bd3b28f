#!/usr/bin/env bash
# One conformance case of .github/workflows/conformance.yml: makes the 2-second test clip and the
# tiny MP4 job's settings, and prints the case's values as step outputs.
#   prepare.sh MODE/IV KEY_BITS BUCKET RUN_ID
# Writes conformance-clip.mp4 and conformance-job.json in the current folder; appends
# name, mode, iv-length, prefix and output-prefix to $GITHUB_OUTPUT.
set -euo pipefail
mode_iv=$1 key_bits=$2 bucket=$3 run_id=$4
mode=${mode_iv%/*}
iv=${mode_iv#*/}
case "$mode" in AES_CTR | AES_CBC | AES_GCM) ;; *) echo "unknown mode: $mode" >&2; exit 2 ;; esac
case "$iv" in 12 | 16) ;; *) echo "unknown IV length: $iv" >&2; exit 2 ;; esac
case "$key_bits" in 128 | 192 | 256) ;; *) echo "unknown key length: $key_bits" >&2; exit 2 ;; esac
name="$mode-iv$iv-key$key_bits"
prefix="s3://$bucket/conformance-$run_id/$name/"

ffmpeg -loglevel error -y \
  -f lavfi -i testsrc=duration=2:size=320x240:rate=30 \
  -f lavfi -i sine=frequency=1000:duration=2 \
  -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest conformance-clip.mp4

cat >conformance-job.json <<JSON
{
  "Settings": {
    "Inputs": [
      {
        "AudioSelectors": { "Audio Selector 1": { "DefaultSelection": "DEFAULT" } },
        "VideoSelector": {},
        "TimecodeSource": "ZEROBASED"
      }
    ],
    "OutputGroups": [
      {
        "Name": "File Group",
        "OutputGroupSettings": {
          "Type": "FILE_GROUP_SETTINGS",
          "FileGroupSettings": { "Destination": "${prefix}out/" }
        },
        "Outputs": [
          {
            "NameModifier": "-conformance",
            "ContainerSettings": { "Container": "MP4", "Mp4Settings": {} },
            "VideoDescription": {
              "Width": 320,
              "Height": 240,
              "CodecSettings": {
                "Codec": "H_264",
                "H264Settings": { "RateControlMode": "CBR", "Bitrate": 400000 }
              }
            },
            "AudioDescriptions": [
              {
                "CodecSettings": {
                  "Codec": "AAC",
                  "AacSettings": { "Bitrate": 96000, "CodingMode": "CODING_MODE_2_0", "SampleRate": 48000 }
                }
              }
            ]
          }
        ]
      }
    ]
  },
  "UserMetadata": { "pipeline": "mediaconvert-encrypt-conformance" }
}
JSON

{
  echo "name=$name"
  echo "mode=$mode"
  echo "iv-length=$iv"
  echo "prefix=$prefix"
} >>"${GITHUB_OUTPUT:-/dev/stdout}"
