// Boolean queries over terms (AND of terms), run by walking Xapian's posting lists
// directly instead of through Enquire. The engine's only queries left in Xapian are the
// keyword words (an AND of stems) and the worker kind term; every OR it used to need
// (cells, regions, issuers) is read from the record cache's lists instead.
//
// Why: a match needs every docid of its coarse query, unranked. Measured at 1M workers,
// Enquire spent 11 ns per posting of a single term, and a MatchDecider (the cheapest way
// to see every match without building an MSet) allocated a Document per candidate.
// Walking PostingIterators with skip_to (leapfrog AND) does the same work without the
// matcher around it.
//
//   TermQuery q = TermQuery::AllOf({TermQuery::Term("XZlas"), TermQuery::Term("XZpipa")});
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
  // Documents matching every one of `queries` (none: no document).
  static TermQuery AllOf(std::vector<TermQuery> queries);

  enum class Op { kTerm, kAllOf };
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
