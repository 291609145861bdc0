#include "term_query.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <utility>

namespace cakap {
namespace {

constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

// A position in the docids of a query, ascending. Starts on its first docid.
class Cursor {
 public:
  virtual ~Cursor() = default;
  // The current docid; kEnd when exhausted.
  Xapian::docid docid() const { return docid_; }
  // Moves past the current docid.
  virtual void Next() = 0;
  // Moves to the first docid >= target (no move when already there).
  virtual void SkipTo(Xapian::docid target) = 0;
  // How many docids it may yield at most (decides the AND's order).
  double size() const { return size_; }

 protected:
  Xapian::docid docid_ = kEnd;
  double size_ = 0;
};

class TermCursor : public Cursor {
 public:
  TermCursor(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)), end_(db.postlist_end(term)) {
    size_ = db.get_termfreq(term);
    Load();
  }
  void Next() override {
    if (docid_ == kEnd) return;
    ++it_;
    Load();
  }
  void SkipTo(Xapian::docid target) override {
    if (docid_ >= target) return;
    it_.skip_to(target);
    Load();
  }

 private:
  void Load() { docid_ = it_ == end_ ? kEnd : *it_; }
  Xapian::PostingIterator it_, end_;
};

// Intersection: leapfrog, the smallest child first.
class AndCursor : public Cursor {
 public:
  explicit AndCursor(std::vector<std::unique_ptr<Cursor>> children)
      : children_(std::move(children)) {
    std::sort(children_.begin(), children_.end(),
              [](const auto& a, const auto& b) { return a->size() < b->size(); });
    size_ = children_.front()->size();
    Align(children_.front()->docid());
  }
  void Next() override {
    if (docid_ == kEnd) return;
    children_.front()->Next();
    Align(children_.front()->docid());
  }
  void SkipTo(Xapian::docid target) override {
    if (docid_ >= target) return;
    children_.front()->SkipTo(target);
    Align(children_.front()->docid());
  }

 private:
  // The first docid >= candidate that every child holds.
  void Align(Xapian::docid candidate) {
    size_t agreeing = 0;
    for (size_t i = 0; candidate != kEnd && agreeing < children_.size();
         i = (i + 1) % children_.size()) {
      children_[i]->SkipTo(candidate);
      const Xapian::docid d = children_[i]->docid();
      if (d == candidate) {
        ++agreeing;
      } else {
        candidate = d;  // larger (or kEnd): the others must catch up
        agreeing = 1;
      }
    }
    docid_ = candidate;
  }
  std::vector<std::unique_ptr<Cursor>> children_;
};

class EmptyCursor : public Cursor {
 public:
  void Next() override {}
  void SkipTo(Xapian::docid) override {}
};

std::unique_ptr<Cursor> Open(const Xapian::Database& db, const TermQuery& q) {
  if (q.op() == TermQuery::Op::kTerm) return std::make_unique<TermCursor>(db, q.term());
  if (q.children().empty()) return std::make_unique<EmptyCursor>();
  if (q.children().size() == 1) return Open(db, q.children().front());
  std::vector<std::unique_ptr<Cursor>> children;
  for (const TermQuery& child : q.children()) children.push_back(Open(db, child));
  return std::make_unique<AndCursor>(std::move(children));
}

}  // namespace

TermQuery TermQuery::Term(std::string term) { return TermQuery(Op::kTerm, std::move(term), {}); }

TermQuery TermQuery::AllOf(std::vector<TermQuery> queries) {
  return TermQuery(Op::kAllOf, "", std::move(queries));
}

std::vector<Xapian::docid> AllMatches(const Xapian::Database& db, const TermQuery& query) {
  std::unique_ptr<Cursor> cursor = Open(db, query);
  std::vector<Xapian::docid> ids;
  for (; cursor->docid() != kEnd; cursor->Next()) {
    ids.push_back(cursor->docid());
  }
  return ids;
}

}  // namespace cakap
