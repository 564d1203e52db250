#pragma once
// How ingest analyses a document for the clusterer: the cluster stage's analysis with the shipped
// translation lexicon (label/translation_lexicon.h), so that reports of one event in different
// languages share English terms. Everything that clusters as ingest does (the CLI's `cluster`,
// `eval clustering`, the benchmarks) takes its options from here.
#include "storyline/cluster/document_analysis.h"

namespace storyline::pipeline {

// The default AnalysisOptions with `translate` reading the shipped lexicon (loaded on first use;
// ModelError when it is missing or broken).
cluster::AnalysisOptions story_analysis_options();

}  // namespace storyline::pipeline
