// The seed's "Downloading images (I/O-bound)" with threads, in C++: a few blocking downloads
// fan out on a concur::thread_pool (threading.Thread + join becomes submit + result). The
// images come from a server this program starts on 127.0.0.1.
#include "local_http.hpp"

#include <concur/thread_pool.hpp>

#include <fstream>
#include <string>
#include <vector>

void download_image(const std::string& url, const std::string& filename) {
  seed::say("Downloading " + url + "...");
  auto response = seed::http_get(url);
  if (response.status == 200) {
    std::ofstream file(filename, std::ios::binary);
    for (std::size_t chunk = 0; chunk < response.body.size(); chunk += 1024)
      file.write(response.body.data() + chunk, static_cast<std::streamsize>(std::min<std::size_t>(1024, response.body.size() - chunk)));
  }
  seed::say("Finished downloading " + url);
}

int main() {
  seed::local_server server({{"/image1.jpg", seed::page_of_size(3072, 1)},
                             {"/image2.jpg", seed::page_of_size(5000, 2)},
                             {"/image3.jpg", seed::page_of_size(1024, 3)}});
  const std::vector<std::string> urls = {server.url("/image1.jpg"), server.url("/image2.jpg"), server.url("/image3.jpg")};

  // One worker per download, as the Python program starts one thread per URL.
  concur::thread_pool pool(urls.size());
  std::vector<concur::future<void>> downloads;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const std::string filename = "image_" + std::to_string(i + 1) + ".jpg";
    downloads.push_back(pool.submit(download_image, urls[i], filename));
  }
  for (auto& download : downloads) download.result();
  seed::say("All downloads finished!");
}
