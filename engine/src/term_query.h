// Boolean queries over terms (AND / OR of terms), run by walking Xapian's posting lists
// directly instead of through Enquire.
//
// Why: a match needs every docid of its coarse query, unranked. Measured at 1M workers,
// Enquire spent 11 ns per posting of a single term, 63 ns per posting of an OR of 49
// geo cells, and a MatchDecider (the cheapest way to see every match without building an
// MSet) allocated a Document per candidate. Walking PostingIterators with skip_to
// (leapfrog AND, heap-merged OR) does the same work without the matcher around it.
//
//   TermQuery q = TermQuery::AllOf({TermQuery::Term("XZlas"),
//                                   TermQuery::AnyOf({TermQuery::Term("XZpipa"), ...})});
//   std::vector<Xapian::docid> ids = AllMatches(db, q);
#ifndef CAKAP_ENGINE_TERM_QUERY_H_
#define CAKAP_ENGINE_TERM_QUERY_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace cakap {

class TermQuery {
 public:
  // Documents indexed with `term`.
  static TermQuery Term(std::string term);
  // Documents matching at least one of `queries` (none: no document).
  static TermQuery AnyOf(std::vector<TermQuery> queries);
  // Documents matching every one of `queries` (none: no document).
  static TermQuery AllOf(std::vector<TermQuery> queries);
  // AnyOf the given terms.
  static TermQuery AnyOfTerms(const std::vector<std::string>& terms);

  enum class Op { kTerm, kAnyOf, kAllOf };
  Op op() const { return op_; }
  const std::string& term() const { return term_; }
  const std::vector<TermQuery>& children() const { return children_; }

 private:
  TermQuery(Op op, std::string term, std::vector<TermQuery> children)
      : op_(op), term_(std::move(term)), children_(std::move(children)) {}

  Op op_;
  std::string term_;
  std::vector<TermQuery> children_;
};

// Every docid `query` matches, ascending. Throws Xapian::Error.
std::vector<Xapian::docid> AllMatches(const Xapian::Database& db, const TermQuery& query);

}  // namespace cakap

#endif  // CAKAP_ENGINE_TERM_QUERY_H_
