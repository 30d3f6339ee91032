/** Packages that are not spreadsheets, built in the tests: a minimal Word and PowerPoint file. */
import { strToU8, zipSync } from "fflate";

/** A minimal Word (.docx) or PowerPoint (.pptx) package: its main part is the office document. */
export function officePackage(main: "word/document.xml" | "ppt/presentation.xml"): Uint8Array {
  const word = main.startsWith("word/");
  const type = word
    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    : "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
  const body = word
    ? '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>自评表</w:t></w:r></w:p></w:body></w:document>'
    : '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldIdLst/></p:presentation>';
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${type}"/></Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`
    ),
    [main]: strToU8(`<?xml version="1.0" encoding="UTF-8"?>${body}`),
  });
}
