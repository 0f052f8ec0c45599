// `concur --classify`: every function with its workload label, confidence and evidence chain.
#pragma once

#include "../../analysis/Classify.h"

#include "llvm/Support/raw_ostream.h"

namespace concur {

/// `calls Downloader::fetch (net.cpp:40) in a loop, which calls recv (net.cpp:12)`.
std::string describeEvidence(const Program &program, const Classification &c);
void writeClassificationText(llvm::raw_ostream &os, const Program &program, const Classifier &classifier);
/// The schema is in docs/classification.md.
void writeClassificationJson(llvm::raw_ostream &os, const Program &program, const Classifier &classifier);

} // namespace concur
