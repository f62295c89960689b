// Swagger UI over this API's OpenAPI document. "Authorize" takes a bearer token; it stays in this page's
// memory (persistAuthorization off), and "Try it out" sends it to this same origin only.
window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: false,
  displayRequestDuration: true,
  defaultModelsExpandDepth: 0,
  validatorUrl: null,
});
