#include "provider/plugin/tls_certificate.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

namespace opc::plugin {
namespace {

struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
struct PKeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, PKeyFree>;

X509Ptr ParsePem(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

X509Ptr ParseDer(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

class ServerCertificateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto generated = GenerateServerCertificate();
    ASSERT_TRUE(generated.ok()) << generated.status();
    cert_ = *generated;
    x509_ = ParsePem(cert_.certificate_pem);
    ASSERT_NE(x509_, nullptr);
  }
  ServerCertificate cert_;
  X509Ptr x509_;
};

TEST_F(ServerCertificateTest, DerAndPemAreTheSameCertificate) {
  X509Ptr from_der = ParseDer(cert_.certificate_der);
  ASSERT_NE(from_der, nullptr);
  EXPECT_EQ(X509_cmp(from_der.get(), x509_.get()), 0);
}

TEST_F(ServerCertificateTest, IsValidForLocalhostOnly) {
  EXPECT_EQ(X509_check_host(x509_.get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_NE(X509_check_host(x509_.get(), "example.com", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(x509_.get(), "127.0.0.1", 0), 1);
}

TEST_F(ServerCertificateTest, IsASelfSignedCa) {
  EXPECT_EQ(X509_check_ca(x509_.get()), 1);
  EXPECT_EQ(X509_check_issued(x509_.get(), x509_.get()), X509_V_OK);
  EVP_PKEY* pub = X509_get0_pubkey(x509_.get());
  ASSERT_NE(pub, nullptr);
  EXPECT_EQ(X509_verify(x509_.get(), pub), 1);
}

TEST_F(ServerCertificateTest, AllowsServerAndClientAuth) {
  uint32_t eku = X509_get_extended_key_usage(x509_.get());
  EXPECT_TRUE(eku & XKU_SSL_SERVER);
  EXPECT_TRUE(eku & XKU_SSL_CLIENT);
  uint32_t ku = X509_get_key_usage(x509_.get());
  EXPECT_TRUE(ku & KU_DIGITAL_SIGNATURE);
  EXPECT_TRUE(ku & KU_KEY_CERT_SIGN);
}

TEST_F(ServerCertificateTest, UsesAP256KeyThatMatches) {
  EVP_PKEY* pub = X509_get0_pubkey(x509_.get());
  ASSERT_NE(pub, nullptr);
  EXPECT_EQ(EVP_PKEY_get_base_id(pub), EVP_PKEY_EC);
  char group[64] = {};
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_get_group_name(pub, group, sizeof(group), &len), 1);
  EXPECT_STREQ(group, "prime256v1");

  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(cert_.private_key_pem.data(), static_cast<int>(cert_.private_key_pem.size())),
      BIO_free);
  PKeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(X509_check_private_key(x509_.get(), key.get()), 1);
}

TEST_F(ServerCertificateTest, IsCurrentlyValid) {
  EXPECT_LT(X509_cmp_current_time(X509_get0_notBefore(x509_.get())), 0);
  EXPECT_GT(X509_cmp_current_time(X509_get0_notAfter(x509_.get())), 0);
}

TEST_F(ServerCertificateTest, EachStartGetsAFreshKeyAndSerial) {
  auto other = GenerateServerCertificate();
  ASSERT_TRUE(other.ok());
  X509Ptr second = ParsePem(other->certificate_pem);
  ASSERT_NE(second, nullptr);
  EXPECT_NE(
      ASN1_INTEGER_cmp(X509_get0_serialNumber(x509_.get()), X509_get0_serialNumber(second.get())),
      0);
  EXPECT_NE(cert_.private_key_pem, other->private_key_pem);
}

}  // namespace
}  // namespace opc::plugin
