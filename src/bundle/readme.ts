/**
 * README.txt of an evidence bundle: what the file is and how to check it, with Testigo or by hand
 * with common tools (unzip, jq, sha256sum, openssl ≥ 3.0), in Spanish and English. It says nothing
 * the manifest does not already say (no names of persons), so it is safe in a public edition.
 */
import type { BundleMeta } from './manifest.js';

export function bundleReadme(meta: BundleMeta, fingerprint: string, fileCount: number): string {
  const audit = meta.auditHead ? `${meta.auditHead.seq} / ${meta.auditHead.hash}` : '-';
  return `TESTIGO — PAQUETE DE PRUEBAS FIRMADO / SIGNED EVIDENCE BUNDLE
==============================================================

Expediente / Case file : ${meta.caseId} — ${oneLine(meta.caseTitle)}
Edición / Edition      : ${meta.edition}
Creado / Created       : ${meta.createdAt} (${oneLine(meta.tool)})
Archivos / Files       : ${fileCount} (listed in manifest.json, this README included)
Huella del firmante / Signer's fingerprint (SHA-256 of the SPKI DER public key):
  ${fingerprint}
Hash del informe / Report hash (SHA-256 of the canonical report content):
  ${meta.reportHash}
Cabeza del registro de auditoría / Audit log head (seq / hash): ${audit}

ESPAÑOL
-------
Este archivo zip reúne un informe y las pruebas en que se apoya. manifest.json lista cada archivo
con su SHA-256 y su tamaño; manifest.sig es la firma Ed25519 (base64) de los bytes exactos de
manifest.json. Si un solo byte de cualquier archivo cambia, la verificación falla.

Verificar con Testigo, fijando la clave del caso (la huella publicada por la organización, que
el informe también imprime):
    testigo verify PAQUETE.zip --trust HUELLA
  (sale con 0 sólo si el paquete está intacto y su firmante es la clave fijada; si no, nombra
  cada archivo y cada hash declarado que no coincide. Sin --trust dice "firmante desconocido".)

La firma sólo prueba algo si la huella del firmante coincide con la que la organización emisora
publicó o entregó por otra vía: compárela con la de arriba. Verificación manual: vea la receta
más abajo (los comandos son los mismos en ambos idiomas).

ENGLISH
-------
This zip file gathers a report and the evidence it rests on. manifest.json lists every file with
its SHA-256 and size; manifest.sig is the Ed25519 signature (base64) of the exact bytes of
manifest.json. If a single byte of any file changes, verification fails.

Verify with Testigo, pinning the case's key (the fingerprint the organisation published, which
the report also prints):
    testigo verify BUNDLE.zip --trust FINGERPRINT
  (exits 0 only for an intact bundle signed by the pinned key; otherwise names every file and
  every stated hash that disagrees. Without --trust it says "signer unknown".)

The signature proves something only if the signer's fingerprint matches the one the issuing
organisation published or handed over by another channel: compare it with the one above.

MANUAL CHECK / VERIFICACIÓN MANUAL (unzip, jq, sha256sum, openssl 3)
--------------------------------------------------------------------
  mkdir bundle && cd bundle && unzip -q ../BUNDLE.zip

  # 1. Firma del manifiesto / manifest signature  -> "Signature Verified Successfully"
  jq -j .signer.publicKeyPem manifest.json > ../signer.pem
  base64 -d manifest.sig > ../manifest.sig.bin
  openssl pkeyutl -verify -pubin -inkey ../signer.pem -rawin -in manifest.json -sigfile ../manifest.sig.bin

  # 2. Huella del firmante / signer's fingerprint  -> compare with the published one
  openssl pkey -pubin -in ../signer.pem -outform DER | sha256sum

  # 3. Cada archivo / every file  -> every line "OK"
  jq -r '.files[] | "\\(.sha256)  \\(.path)"' manifest.json | sha256sum -c
  # and no other file than manifest.json and manifest.sig may be present:
  find . -type f | sed 's|^\\./||' | sort > ../present.txt
  jq -r '.files[].path, "manifest.json", "manifest.sig"' manifest.json | sort | diff - ../present.txt

  # 4. Hash del informe / report hash  -> the two lines are equal
  jq -r .meta.reportHash manifest.json
  jq -r '.files[] | select(.role == "report-content") | .sha256' manifest.json

  # 5. Firmas del panel / panel signatures (each one with "void" absent), N = 0, 1, ...
  jq -j .meta.reportHash manifest.json > ../report-hash.txt
  jq -j '.meta.panelSignatures[N].publicKeyPem' manifest.json > ../panel-N.pem
  jq -r '.meta.panelSignatures[N].signature' manifest.json | base64 -d > ../panel-N.sig
  openssl pkeyutl -verify -pubin -inkey ../panel-N.pem -rawin -in ../report-hash.txt -sigfile ../panel-N.sig
`;
}

/** Free text on one line, so that a title cannot forge lines of the README. */
function oneLine(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we drop
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
