// A bare Eleventy for the build benchmark: Markdown only, no template language, no plugins.
export default function () {
  return { markdownTemplateEngine: false, htmlTemplateEngine: false };
}
