#!/bin/sh
# Makes the test certificate authority and the certificate of the CDN host names the emoji test serves over
# HTTPS on 127.0.0.1 (test/network/support/test-hosts.mjs points the names there; NODE_EXTRA_CA_CERTS trusts
# ca.pem in the child processes only). Run from this folder; the output is checked in. Valid for 100 years.
set -eu
openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj '/CN=imgmeta test CA' \
  -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign' \
  -keyout ca-key.pem -out ca.pem
openssl req -newkey rsa:2048 -nodes -subj '/CN=cdn.jsdelivr.net' -keyout cdn-key.pem -out cdn.csr
printf 'subjectAltName=DNS:cdn.jsdelivr.net\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > cdn.ext
openssl x509 -req -in cdn.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 36500 -extfile cdn.ext -out cdn.pem
rm -f cdn.csr cdn.ext ca.srl ca-key.pem
