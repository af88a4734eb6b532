#ifndef DOCKET_COPENSSL_SHIM_H
#define DOCKET_COPENSSL_SHIM_H

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>

// Swift cannot call OpenSSL's function-like macros; these inline shims expose them.

static inline long docket_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

/// RFC 2253 names with UTF-8 left as is (Vietnamese names stay readable).
static inline unsigned long docket_name_flags(void) {
    return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
}

static inline void docket_OPENSSL_free(void *p) { OPENSSL_free(p); }

static inline STACK_OF(X509) *docket_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int docket_sk_X509_push(STACK_OF(X509) *sk, X509 *x) { return sk_X509_push(sk, x); }
static inline int docket_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *docket_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
static inline void docket_sk_X509_pop_free(STACK_OF(X509) *sk) { sk_X509_pop_free(sk, X509_free); }
static inline void docket_sk_X509_free(STACK_OF(X509) *sk) { sk_X509_free(sk); }

static inline int docket_sk_CMS_SignerInfo_num(STACK_OF(CMS_SignerInfo) *sk) {
    return sk_CMS_SignerInfo_num(sk);
}
static inline CMS_SignerInfo *docket_sk_CMS_SignerInfo_value(STACK_OF(CMS_SignerInfo) *sk, int i) {
    return sk_CMS_SignerInfo_value(sk, i);
}

/// A passphrase callback that never prompts: it hands over `u` (a NUL-terminated string) or fails.
static inline int docket_passphrase_cb(char *buf, int size, int rwflag, void *u) {
    (void)rwflag;
    if (u == NULL) return -1;
    const char *pass = (const char *)u;
    int len = (int)strlen(pass);
    if (len > size) len = size;
    memcpy(buf, pass, (size_t)len);
    return len;
}

static inline EVP_PKEY *docket_PEM_read_bio_PrivateKey(BIO *bio, const char *passphrase) {
    return PEM_read_bio_PrivateKey(bio, NULL, docket_passphrase_cb, (void *)passphrase);
}

#endif
