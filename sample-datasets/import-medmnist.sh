#!/usr/bin/env bash
# Import an official MedMNIST v2 (28 x 28) dataset into a running DeepRounds, in one step:
# download it from the MedMNIST record (or take a local copy), verify the published MD5, upload it with its
# class names, licence and citation. Nothing is imported when the checksum differs.
#
#   sample-datasets/import-medmnist.sh NAME [--file PATH] [--md5 HASH] [--server URL]
#
# NAME: pneumoniamnist breastmnist bloodmnist dermamnist octmnist pathmnist retinamnist tissuemnist
#       organamnist organcmnist organsmnist
# Credentials: DEEPROUNDS_USER and DEEPROUNDS_PASSWORD (an instructor or administrator imports into the shared
# library). --md5 overrides the published checksum (e.g. for a later release of the record).
set -euo pipefail

record="https://zenodo.org/record/6496656/files"
declare -A MD5=(
  [pneumoniamnist]=28209eda62fecd6e6a2d98b1501bb15f [breastmnist]=750601b1f35ba3300ea97c75c52ff8f6
  [bloodmnist]=7053d0359d879ad8a5505303e11de1dc [dermamnist]=0744692d530f8e62ec473284d019b0c7
  [octmnist]=c68d92d5b585d8d81f7112f81e2d0842 [pathmnist]=a8b06965200029087d5bd730944a56c1
  [retinamnist]=bd4c0672f1bba3e3a89f0e4e876791e4 [tissuemnist]=ebe78ee8b05294063de985d821c1c34b
  [organamnist]=866b832ed4eeba67bfb9edee1d5544e6 [organcmnist]=0afa5834fb105f7705a7d93372119a21
  [organsmnist]=e5c39f1af030238290b9557d9503af9d)
declare -A CLASSES=(
  [pneumoniamnist]="normal,pneumonia" [breastmnist]="malignant,normal or benign"
  [bloodmnist]="basophil,eosinophil,erythroblast,immature granulocytes,lymphocyte,monocyte,neutrophil,platelet"
  [dermamnist]="actinic keratosis,basal cell carcinoma,benign keratosis,dermatofibroma,melanoma,melanocytic nevus,vascular lesion"
  [octmnist]="choroidal neovascularization,diabetic macular edema,drusen,normal"
  [pathmnist]="adipose,background,debris,lymphocytes,mucus,smooth muscle,normal colon mucosa,cancer-associated stroma,colorectal adenocarcinoma epithelium"
  [retinamnist]="grade 0,grade 1,grade 2,grade 3,grade 4"
  [tissuemnist]="collecting duct,distal convoluted tubule,glomerular endothelial,interstitial endothelial,leukocytes,podocytes,proximal tubule,thick ascending limb"
  [organamnist]="bladder,femur-left,femur-right,heart,kidney-left,kidney-right,liver,lung-left,lung-right,pancreas,spleen"
  [organcmnist]="bladder,femur-left,femur-right,heart,kidney-left,kidney-right,liver,lung-left,lung-right,pancreas,spleen"
  [organsmnist]="bladder,femur-left,femur-right,heart,kidney-left,kidney-right,liver,lung-left,lung-right,pancreas,spleen")
declare -A POSITIVE=([pneumoniamnist]=pneumonia [breastmnist]=malignant)
citation="Yang J, Shi R, Wei D, et al. MedMNIST v2: a large-scale lightweight benchmark for 2D and 3D biomedical image classification. Scientific Data 10, 41 (2023)."

die() { echo "import-medmnist: $*" >&2; exit 2; }

name=${1:-}
[ -n "$name" ] && [ -n "${MD5[$name]:-}" ] || die "unknown dataset '${name}'; one of: ${!MD5[*]}"
shift
file="" expected=${MD5[$name]} server=${DEEPROUNDS_URL:-http://localhost:8080}
while [ $# -gt 0 ]; do
  case "$1" in
    --file) file=$2; shift 2 ;;
    --md5) expected=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
    *) die "unknown option '$1'" ;;
  esac
done
[ -n "${DEEPROUNDS_USER:-}" ] && [ -n "${DEEPROUNDS_PASSWORD:-}" ] || die "set DEEPROUNDS_USER and DEEPROUNDS_PASSWORD"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ -z "$file" ]; then
  file="$tmp/$name.npz"
  echo "Downloading $name.npz ..."
  curl -fL --retry 2 -o "$file" "$record/$name.npz?download=1" || die "download failed"
fi
[ -f "$file" ] || die "no file '$file'"
actual=$(md5sum "$file" | cut -d' ' -f1)
[ "$actual" = "$expected" ] || die "MD5 mismatch for $file: expected $expected (published), got $actual; not importing"
echo "MD5 verified ($actual)."

response="$tmp/response.json"
status=$(curl -sS -o "$response" -w '%{http_code}' -u "$DEEPROUNDS_USER:$DEEPROUNDS_PASSWORD" \
  -F "file=@$file;filename=$name.npz" -F "name=MedMNIST $name" -F "modality=IMAGING" \
  -F "classNames=${CLASSES[$name]}" -F "positiveClass=${POSITIVE[$name]:-}" \
  -F "licence=CC BY 4.0" -F "citation=$citation" "$server/api/v1/datasets")
cat "$response"; echo
[ "$status" = "201" ] || die "the server answered $status"
