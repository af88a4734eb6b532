#!/usr/bin/env python3
"""Verify Docket audit checkpoints and proofs with Python's standard library and `openssl` alone.

  verify-audit.py checkpoint NOTE --key LOG-KEY.pem
  verify-audit.py inclusion PROOF.json --key LOG-KEY.pem      (from `docket audit prove N`)
  verify-audit.py consistency PROOF.json --old NOTE --key LOG-KEY.pem
                                                             (from `docket audit consistency`)
  verify-audit.py pack manifest.json --key LOG-KEY.pem       (a signed pack's manifest: the event
                                                             that issued it, proved into the log)
  verify-audit.py notice PROOF.json --document NOTICE.html --key LOG-KEY.pem
                                                             (`docket notice open ID -o NOTICE.html
                                                             --proof PROOF.json`: the notice was issued,
                                                             with exactly these bytes)

LOG-KEY.pem is the log's public key (`docket audit log-key`), obtained from the office out of band.
Formats: docs/formats.md, "Audit log: Merkle tree and checkpoints". Exit status 0 when everything
verifies, 1 with the reason when something does not.
"""
import argparse, base64, hashlib, json, os, subprocess, sys, tempfile


class Failure(Exception):
    pass


def sha256(data):
    return hashlib.sha256(data).digest()


def node(left, right):
    return sha256(b"\x01" + left + right)


def raw_public_key(pem_path):
    """The 32 raw bytes of an Ed25519 SubjectPublicKeyInfo PEM (its last 32 bytes)."""
    lines = open(pem_path).read().strip().splitlines()
    der = base64.b64decode("".join(l for l in lines if not l.startswith("-----")))
    if len(der) != 44 or not der.startswith(bytes.fromhex("302a300506032b6570032100")):
        raise Failure(f"{pem_path} is not an Ed25519 public key")
    return der[12:]


def checkpoint(note, key_path):
    """Checks the note's signature with openssl; returns (origin, size, root)."""
    public = raw_public_key(key_path)
    origin_expected = "docket.audit/" + hashlib.sha256(public).hexdigest()[:16]
    if "\n\n" not in note:
        raise Failure("not a signed note: no blank line before the signatures")
    body, signatures = note.split("\n\n", 1)
    body += "\n"
    lines = body.split("\n")[:-1]
    if len(lines) < 4 or not lines[3].startswith("time "):
        raise Failure("the checkpoint body is not origin, size, root hash and time")
    origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2])
    if origin != origin_expected:
        raise Failure(f"the checkpoint is of log {origin}, not of the log with this key ({origin_expected})")
    key_id = sha256(origin.encode() + b"\n\x01" + public)[:4]
    for line in signatures.splitlines():
        words = line.split(" ")
        if len(words) != 3 or words[0] != "\u2014" or words[1] != origin:
            continue
        blob = base64.b64decode(words[2])
        if len(blob) != 68 or blob[:4] != key_id:
            continue
        with tempfile.TemporaryDirectory() as scratch:
            message, signature = os.path.join(scratch, "body"), os.path.join(scratch, "sig")
            open(message, "wb").write(body.encode())
            open(signature, "wb").write(blob[4:])
            result = subprocess.run(
                ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key_path, "-rawin", "-in", message, "-sigfile", signature],
                capture_output=True)
            if result.returncode == 0:
                return origin, size, root
    raise Failure("no signature on the checkpoint verifies with this key")


def event_fields(encoded):
    """The fields of an event's canonical encoding: LENGTH ':' BYTES '\\n', repeated."""
    fields, at = [], 0
    while at < len(encoded):
        colon = encoded.index(b":", at)
        length = int(encoded[at:colon])
        fields.append(encoded[colon + 1:colon + 1 + length].decode())
        at = colon + 2 + length
    if len(fields) != 8 or fields[0] != "docket-audit-v1":
        raise Failure("the proved event is not a docket-audit-v1 event")
    return fields


def inclusion_root(leaf, index, size, path):
    """RFC 9162 section 2.1.3.2: the root the audit path leads to, or None."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else None


def consistent(old_size, old_root, new_size, new_root, path):
    """RFC 9162 section 2.1.4.2."""
    if old_size == new_size:
        return not path and old_root == new_root
    if old_size == 0:
        return not path
    if old_size > new_size or not path:
        return False
    if old_size & (old_size - 1) == 0:
        path = [old_root] + path
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == old_root and sr == new_root and sn == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["checkpoint", "inclusion", "consistency", "pack", "notice"])
    parser.add_argument("file")
    parser.add_argument("--key", required=True)
    parser.add_argument("--old")
    parser.add_argument("--document")
    args = parser.parse_args()
    text = open(args.file, encoding="utf-8").read()
    if args.kind == "checkpoint":
        origin, size, _ = checkpoint(text, args.key)
        return f"checkpoint of {origin}: {size} events, signature verified"
    proof = json.loads(text)
    if args.kind == "pack":
        # The anchor of a pack manifest (its CMS signature is `openssl cms -verify`'s business).
        anchor = proof.get("audit")
        if not anchor:
            raise Failure("the manifest carries no audit anchor")
        if base64.b64decode(anchor["logKey"]) != raw_public_key(args.key):
            raise Failure("the manifest names another log key than the one given")
        proof = {"checkpoint": anchor["checkpoint"], "path": anchor["path"], "event": anchor["event"],
                 "sequence": anchor["sequence"], "treeSize": anchor["treeSize"]}
        proof["leafHash"] = sha256(b"\x00" + base64.b64decode(proof["event"])).hex()
        proof["rootHash"] = checkpoint(proof["checkpoint"], args.key)[2].hex()
        args.kind = "inclusion"
    if args.kind == "notice":
        if not args.document:
            raise Failure("notice needs --document, the notice's HTML")
        _, sequence, _, _, action, subject, details, _ = event_fields(base64.b64decode(proof["event"]))
        digest = hashlib.sha256(open(args.document, "rb").read()).hexdigest()
        if action != "notice.issue":
            raise Failure(f"the proved event is {action}, not the issuing of a notice")
        if json.loads(details).get("sha256") != digest:
            raise Failure(f"{args.document} is not the document notice {subject} was issued with (SHA-256 {digest})")
        symbol = json.loads(details).get("symbol", subject)
        args.kind = "inclusion"
    origin, size, root = checkpoint(proof["checkpoint"], args.key)
    path = [bytes.fromhex(h) for h in proof["path"]]
    if args.kind == "inclusion":
        leaf = sha256(b"\x00" + base64.b64decode(proof["event"]))
        if leaf.hex() != proof["leafHash"] or size != proof["treeSize"] or root.hex() != proof["rootHash"]:
            raise Failure("the proof does not match its event or its checkpoint")
        if inclusion_root(leaf, proof["sequence"] - 1, size, path) != root:
            raise Failure(f"event {proof['sequence']} is not in the tree of {size} events the checkpoint signed")
        if args.document:
            return f"notice {symbol} was issued with this document by event {proof['sequence']}, in the log of {origin} at {size} events"
        return f"event {proof['sequence']} is in the log of {origin} at {size} events"
    if not args.old:
        raise Failure("consistency needs --old, the older checkpoint")
    _, old_size, old_root = checkpoint(open(args.old, encoding="utf-8").read(), args.key)
    if (old_size, old_root.hex(), size, root.hex()) != (proof["oldSize"], proof["oldRootHash"], proof["newSize"], proof["newRootHash"]):
        raise Failure("the proof is not between these two checkpoints")
    if not consistent(old_size, old_root, size, root, path):
        raise Failure(f"the log of {size} events does not extend the checkpoint of {old_size}: history was rewritten")
    return f"the log of {origin} at {size} events extends the checkpoint of {old_size}"


if __name__ == "__main__":
    try:
        print("OK: " + main())
    except Failure as failure:
        print(f"FAIL: {failure}")
        sys.exit(1)
