#!/usr/bin/env bash
# The scripted way to check one uploaded AES_CTR object, what `verify` replaces:
#
#   verify-scripted.sh OBJECT_KEY EXPECTED_SHA256
#
# `aws s3 cp` to a temporary file, `aws s3api head-object` for the metadata, `aws kms decrypt`
# of the data key under the MediaConvert context, `openssl enc -d` piped to sha256sum.
# Environment as for scripted.sh (S3_ENDPOINT, KMS_ENDPOINT, BUCKET, TMPDIR, credentials).
set -euo pipefail
AWS=/usr/bin/aws

hex_of_base64() { base64 -d | od -An -v -tx1 | tr -d ' \n'; }

tmp=$(mktemp "$TMPDIR/verify-scripted-XXXXXX")
trap 'rm -f "$tmp"' EXIT
"$AWS" s3 cp "s3://$BUCKET/$1" "$tmp" --endpoint-url "$S3_ENDPOINT" --only-show-errors
read -r blob iv < <("$AWS" s3api head-object --endpoint-url "$S3_ENDPOINT" --bucket "$BUCKET" \
  --key "$1" --query 'Metadata.["mediaconvert-encrypted-decryption-key","mediaconvert-initialization-vector"]' \
  --output text)
key=$("$AWS" kms decrypt --endpoint-url "$KMS_ENDPOINT" --ciphertext-blob "$blob" \
  --encryption-context service=mediaconvert.amazonaws.com --query Plaintext --output text)
sha=$(openssl enc -d -aes-256-ctr -K "$(printf %s "$key" | hex_of_base64)" \
  -iv "$(printf %s "$iv" | hex_of_base64)" -bufsize 1048576 -in "$tmp" | sha256sum | cut -d' ' -f1)
if [ "$sha" != "$2" ]; then
  echo "SHA-256 $sha, expected $2" >&2
  exit 1
fi
