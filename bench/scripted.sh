#!/usr/bin/env bash
# The scripted path the action replaces: one CLI tool per step, a temporary file in between.
#
#   scripted.sh upload FILE OBJECT_KEY     openssl to a temp file, then `aws s3 cp` (random key)
#   scripted.sh batch OBJECT_PREFIX FILE...  per file: `aws kms generate-data-key`, openssl,
#                                          `aws s3 cp`, `aws mediaconvert create-job`
#
# Environment: AWS credentials and region, S3_ENDPOINT, KMS_ENDPOINT, MEDIACONVERT_ENDPOINT,
# BUCKET, KMS_KEY_ARN, ROLE_ARN, JOB_TEMPLATE, TMPDIR. The AWS CLI is /usr/bin/aws (v2): this
# version reads no per-service endpoint variables, hence --endpoint-url on every call.
set -euo pipefail
AWS=/usr/bin/aws

hex_of_base64() { base64 -d | od -An -v -tx1 | tr -d ' \n'; }

encrypt_and_upload() { # FILE KEY_HEX IV_HEX OBJECT_KEY
  local tmp
  tmp=$(mktemp "$TMPDIR/scripted-XXXXXX")
  openssl enc -aes-256-ctr -K "$2" -iv "$3" -bufsize 1048576 -in "$1" -out "$tmp"
  "$AWS" s3 cp "$tmp" "s3://$BUCKET/$4" --endpoint-url "$S3_ENDPOINT" --only-show-errors
  rm -f "$tmp"
}

case "$1" in
  upload)
    encrypt_and_upload "$2" "$(openssl rand -hex 32)" "$(openssl rand -hex 16)" "$3"
    ;;
  batch)
    prefix=$2
    shift 2
    for file in "$@"; do
      read -r plaintext blob < <("$AWS" kms generate-data-key --endpoint-url "$KMS_ENDPOINT" \
        --key-id "$KMS_KEY_ARN" --key-spec AES_256 \
        --encryption-context service=mediaconvert.amazonaws.com \
        --query '[Plaintext,CiphertextBlob]' --output text)
      iv=$(openssl rand -base64 16)
      object="$prefix$(basename "$file")"
      encrypt_and_upload "$file" "$(printf %s "$plaintext" | hex_of_base64)" \
        "$(printf %s "$iv" | hex_of_base64)" "$object"
      decryption="{\"DecryptionMode\":\"AES_CTR\",\"EncryptedDecryptionKey\":\"$blob\",\"InitializationVector\":\"$iv\"}"
      "$AWS" mediaconvert create-job --endpoint-url "$MEDIACONVERT_ENDPOINT" \
        --role "$ROLE_ARN" --job-template "$JOB_TEMPLATE" \
        --settings "{\"Inputs\":[{\"FileInput\":\"s3://$BUCKET/$object\",\"DecryptionSettings\":$decryption}]}" \
        --query Job.Id --output text >/dev/null
    done
    ;;
  *)
    echo "usage: scripted.sh upload FILE OBJECT_KEY | batch OBJECT_PREFIX FILE..." >&2
    exit 2
    ;;
esac
