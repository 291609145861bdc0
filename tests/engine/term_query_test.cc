// term_query.h: AND trees walked over Xapian posting lists must return exactly the
// documents a direct evaluation of the tree accepts, ascending; checked against random
// trees over a random in-memory index.
#include "term_query.h"

#include <xapian.h>

#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace cakap {
namespace {

constexpr int kTerms = 8;
constexpr int kDocs = 3000;

std::string TermName(int t) { return "T" + std::to_string(t); }

bool Matches(const TermQuery& q, const std::set<std::string>& terms) {
  switch (q.op()) {
    case TermQuery::Op::kTerm:
      return terms.count(q.term()) > 0;
    case TermQuery::Op::kAllOf:
      if (q.children().empty()) return false;
      for (const TermQuery& c : q.children()) {
        if (!Matches(c, terms)) return false;
      }
      return true;
  }
  return false;
}

TermQuery RandomQuery(std::mt19937& rng, int depth) {
  if (depth == 0 || rng() % 3 == 0) return TermQuery::Term(TermName(rng() % (kTerms + 1)));
  std::vector<TermQuery> children;
  const int n = rng() % 4;  // 0..3 children: empty and single-child nodes too
  for (int i = 0; i < n; ++i) children.push_back(RandomQuery(rng, depth - 1));
  return TermQuery::AllOf(std::move(children));
}

TEST(TermQueryTest, MatchesDirectEvaluationOfRandomTrees) {
  std::mt19937 rng(11);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<std::set<std::string>> docs(kDocs + 1);
  for (int d = 1; d <= kDocs; ++d) {
    Xapian::Document doc;
    for (int t = 0; t < kTerms; ++t) {
      // Term t on roughly 1 in 2^(t % 5 + 1) documents, clustered in places.
      if (rng() % (2u << (t % 5)) == 0 || (t == 7 && d > 1000 && d < 1100)) {
        doc.add_boolean_term(TermName(t));
        docs[d].insert(TermName(t));
      }
    }
    db.add_document(doc);
  }
  // TermName(kTerms) is on no document.
  for (int round = 0; round < 500; ++round) {
    const TermQuery q = RandomQuery(rng, 3);
    std::vector<Xapian::docid> expected;
    for (int d = 1; d <= kDocs; ++d) {
      if (Matches(q, docs[d])) expected.push_back(d);
    }
    ASSERT_EQ(AllMatches(db, q), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace cakap
