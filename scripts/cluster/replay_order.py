#!/usr/bin/python3
"""The pages in the order the cluster stored their documents, for the single-machine run that the
cluster's stories are compared with. The online clusterer is order-dependent by design (a document
joins the stories that exist when it comes), and the order in which documents reach the cluster
worker is the interleaving of two serves, two extract workers and redeliveries, which no single
machine sees the same way twice; one machine given the pages in that same order isolates what
distribution itself changes (batches, a worker's death and its standby's rebuild from the store).
Reads ACKED.files (`id<TAB>path`, push_pages.py) and the stored ids in the store's order (one a
line); prints each page once, in the order its first document was stored, then the pages none of
whose documents was stored, in the order of PAGES.
Usage: replay_order.py ACKED.files STORED_IN_ORDER PAGES > PAGES_IN_ORDER"""
import sys


def main():
    files_of = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        document, _, path = line.rstrip("\n").partition("\t")
        if document and path:
            files_of.setdefault(document, path)
    ordered, seen = [], set()
    for line in open(sys.argv[2], encoding="utf-8"):
        path = files_of.get(line.strip())
        if path and path not in seen:
            seen.add(path)
            ordered.append(path)
    for line in open(sys.argv[3], encoding="utf-8"):
        path = line.strip()
        if path and path not in seen:
            seen.add(path)
            ordered.append(path)
    sys.stdout.write("".join(path + "\n" for path in ordered))


if __name__ == "__main__":
    main()
