// One definition of a publisher: subdomains and www./m. variants are one publisher (the
// registered domain by the Public Suffix List), a site name names it, and a document nothing
// identifies is a publisher of its own.
#include "storyline/core/publisher.h"

#include <gtest/gtest.h>

#include "storyline/core/url.h"

using namespace storyline;

namespace {

Document with(std::optional<std::string> url, std::optional<std::string> domain, std::optional<std::string> site_name,
              std::string id = "doc") {
  Document document;
  document.id = std::move(id);
  document.url = std::move(url);
  document.domain = std::move(domain);
  document.site_name = std::move(site_name);
  return document;
}

}  // namespace

TEST(RegisteredDomain, SubdomainsBelongToTheRegisteredDomain) {
  EXPECT_EQ(registered_domain_of_host("www.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(registered_domain_of_host("news.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(registered_domain_of_host("bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(registered_domain_of_host("edition.cnn.com"), "cnn.com");
  EXPECT_EQ(registered_domain_of_host("gandhara.rferl.org"), "rferl.org");
  EXPECT_EQ(registered_domain_of_host("M.Example.COM."), "example.com");
}

TEST(RegisteredDomain, HostsTheListCannotPlaceStayAsTheyAre) {
  EXPECT_EQ(registered_domain_of_host("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(registered_domain_of_host("[::1]"), "[::1]");
  EXPECT_EQ(registered_domain_of_host("localhost"), "localhost");
  EXPECT_EQ(registered_domain_of_host(""), "");
}

TEST(RegisteredDomain, UrlHostDropsCredentialsPortAndCase) {
  EXPECT_EQ(url_host("https://user@WWW.BBC.co.uk:443/news?x=1"), "www.bbc.co.uk");
  EXPECT_EQ(url_host("http://example.org."), "example.org");
  EXPECT_FALSE(url_host("bbc.co.uk/news").has_value());
  EXPECT_FALSE(url_host("https:///path").has_value());
}

TEST(Publisher, WwwMobileAndNewsHostsAreOnePublisher) {
  const Publisher www = publisher_of(with("https://www.bbc.co.uk/news/world-1", std::nullopt, "BBC News"));
  const Publisher mobile = publisher_of(with("https://m.bbc.co.uk/news/world-1", std::nullopt, std::nullopt));
  const Publisher news = publisher_of(with("http://news.bbc.co.uk/1/hi/world/1.stm", "news.bbc.co.uk", "BBC"));
  EXPECT_EQ(www.key, "bbc.co.uk");
  EXPECT_EQ(mobile.key, "bbc.co.uk");
  EXPECT_EQ(news.key, "bbc.co.uk");
  EXPECT_EQ(www.name, "BBC News");
  EXPECT_EQ(mobile.name, "bbc.co.uk") << "no site name: the domain names it";
  EXPECT_EQ(publisher_of(with("https://edition.cnn.com/2024/x", std::nullopt, std::nullopt)).key, "cnn.com");
}

TEST(Publisher, TheUrlComesBeforeTheDomainFieldWhichComesBeforeTheSiteName) {
  EXPECT_EQ(publisher_key(with("https://www.reuters.com/a", "yahoo.com", "Yahoo News")), "reuters.com");
  EXPECT_EQ(publisher_key(with(std::nullopt, "www.theguardian.com", "The Guardian")), "theguardian.com");
  EXPECT_EQ(publisher_key(with(std::nullopt, "https://edition.cnn.com/", std::nullopt)), "cnn.com")
      << "a domain field written as a URL";
  EXPECT_EQ(publisher_key(with("not a url", "Rferl.org", std::nullopt)), "rferl.org");
  EXPECT_EQ(publisher_key(with(std::nullopt, "news.bbc.co.uk:443", std::nullopt)), "bbc.co.uk") << "a port is no part of it";
}

TEST(Publisher, ASiteNameAloneIsFoldedAndADocumentWithNothingIsItsOwnPublisher) {
  const Publisher site = publisher_of(with(std::nullopt, std::nullopt, "  Radio  Free Europe "));
  EXPECT_EQ(site.key, "site:radio free europe");
  EXPECT_EQ(site.name, "Radio  Free Europe");
  EXPECT_EQ(publisher_key(with(std::nullopt, "", "radio free EUROPE")), site.key);
  const Publisher unknown = publisher_of(with(std::nullopt, std::nullopt, " ", "doc-7"));
  EXPECT_EQ(unknown.key, "id:doc-7");
  EXPECT_EQ(unknown.name, "");
  EXPECT_NE(publisher_key(with(std::nullopt, std::nullopt, std::nullopt, "doc-8")), unknown.key)
      << "two unknown publishers are never merged";
}

// Counted together (a story's articles and copies), a document known only by its site name is the
// publisher whose domain goes by that name: "Valley Times" was a second publisher beside
// valleytimes.com, listed twice under one name.
TEST(Publisher, ASiteNameAloneIsThePublisherOfTheDomainThatGoesByItAmongOthers) {
  const Document site = with("https://www.valleytimes.com/politics/water-plan", std::nullopt, "Valley Times", "www");
  const Document named_only = with(std::nullopt, std::nullopt, "  valley  TIMES ", "record");
  const Document domain_as_name = with(std::nullopt, std::nullopt, "ValleyTimes.com", "named-by-domain");
  const Document other = with(std::nullopt, std::nullopt, "Wire Hub", "wire");
  const Document nothing = with(std::nullopt, std::nullopt, std::nullopt, "nothing");
  const std::vector<Publisher> publishers = publishers_of({&named_only, &site, &domain_as_name, &other, &nothing});
  ASSERT_EQ(publishers.size(), 5u);
  EXPECT_EQ(publishers[0].key, "valleytimes.com") << "whichever comes first";
  EXPECT_EQ(publishers[0].name, "valley  TIMES") << "each keeps its own name";
  EXPECT_EQ(publishers[1].key, "valleytimes.com");
  EXPECT_EQ(publishers[2].key, "valleytimes.com") << "a site name that is the domain";
  EXPECT_EQ(publishers[3].key, "site:wire hub") << "no domain goes by it: the site name stays the key";
  EXPECT_EQ(publishers[4].key, "id:nothing");
  EXPECT_EQ(publisher_key(named_only), "site:valley times") << "alone, nothing says which domain it is";
}

TEST(Publisher, TwoDomainsOfOneNameStayTwoPublishers) {
  const Document uk = with("https://www.bbc.co.uk/news/1", std::nullopt, "BBC News", "uk");
  const Document com = with("https://www.bbc.com/news/1", std::nullopt, "BBC News", "com");
  const Document named_only = with(std::nullopt, std::nullopt, "BBC News", "record");
  const std::vector<Publisher> publishers = publishers_of({&uk, &com, &named_only});
  EXPECT_EQ(publishers[0].key, "bbc.co.uk");
  EXPECT_EQ(publishers[1].key, "bbc.com") << "the registered domain is the publisher, whatever it is called";
  EXPECT_EQ(publishers[2].key, "bbc.co.uk") << "the first domain of that name";
}
