#!/usr/bin/python3
"""BCubed F1 of one clustering against another over the documents both hold (Bagga and Baldwin
1998, as eval/ computes it): each input is lines of `document_id|story_id` (psql -At, sqlite3
output); an empty story (not news) is a story of its own. Prints F1 with 3 decimals.
Usage: bcubed.py ONE OTHER"""
import sys
from collections import defaultdict


def read(path):
    stories = {}
    for line in open(path, encoding="utf-8"):
        document, _, story = line.rstrip("\n").partition("|")
        if document:
            stories[document] = story or "alone:" + document
    return stories


def main():
    one, other = read(sys.argv[1]), read(sys.argv[2])
    documents = sorted(set(one) & set(other))
    if not documents:
        print("0.000")
        return
    members_one, members_other = defaultdict(set), defaultdict(set)
    for document in documents:
        members_one[one[document]].add(document)
        members_other[other[document]].add(document)
    precision = recall = 0.0
    for document in documents:
        a, b = members_one[one[document]], members_other[other[document]]
        both = len(a & b)
        precision += both / len(a)
        recall += both / len(b)
    precision /= len(documents)
    recall /= len(documents)
    print(f"{2 * precision * recall / (precision + recall):.3f}")


if __name__ == "__main__":
    main()
